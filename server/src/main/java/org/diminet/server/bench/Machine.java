package org.diminet.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** What the figures were measured on, and what the kernel says of a process (Linux's /proc). */
public final class Machine {
    private Machine() {
    }

    /** e.g. "2 cores (AMD EPYC), 23.4 GiB, JDK 25.0.3 (Eclipse Adoptium), Linux 6.1". */
    public static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + String.format("%.1f GiB", memTotalKib() / 1024.0 / 1024.0) + ", JDK " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }

    /** The 1-, 5- and 15-minute load averages, as /proc/loadavg has them ("?" elsewhere). */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String cpuModel() {
        return lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    static long memTotalKib() {
        return lines("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
    }

    /** The process's resident memory in bytes (VmRSS), empty when the kernel does not say. */
    public static OptionalLong residentBytes(long pid) {
        return lines("/proc/" + pid + "/status").stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst();
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
