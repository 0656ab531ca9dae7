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

    /**
     * CPU time the process has used so far (user + system, all its threads), in ms, from /proc/PID/stat
     * (in clock ticks of 10 ms: a single reading is coarse, a sum over many is not); empty when unknown.
     */
    public static OptionalLong cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state(3) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(14) stime(15)
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return OptionalLong.of(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Linux's USER_HZ, 100 on every architecture the benchmark runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
