package org.diminet.server.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Runs each site as its own JVM: {@code java <jvm options> … DiminetMain server --config <dir>/site.properties
 * --exit-when-stdin-closes}, from the jar or classpath this JVM runs from. The site's stdout and stderr go
 * to {@code <dir>/site.log}. This JVM holds each site's stdin open, so a site halts when the benchmark
 * dies however it dies; a shutdown hook also kills every site still running when it exits normally.
 */
public final class SiteProcesses implements SiteRunner {
    /** Small-footprint options: sites are small, and fifty of them share two cores. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss256k", "-XX:ReservedCodeCacheSize=48m");
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final String mainClass;
    private final List<String> jvmOptions;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /**
     * @param mainClass  the server's entry point ({@code DiminetMain}), whose {@code server} command runs a site
     * @param jvmOptions options of each site's JVM
     */
    public SiteProcesses(String mainClass, List<String> jvmOptions) {
        this.mainClass = mainClass;
        this.jvmOptions = List.copyOf(jvmOptions);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(Process::destroyForcibly),
                "bench-site-reaper"));
    }

    @Override
    public boolean separateProcesses() {
        return true;
    }

    @Override
    public RunningSite start(String region, Path dir, Map<String, String> settings) {
        Path config = dir.resolve("site.properties");
        Path log = dir.resolve("site.log");
        try {
            Files.createDirectories(dir);
            Properties properties = new Properties();
            properties.putAll(settings);
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "DIMINET benchmark site " + region);
            }
            Files.writeString(log, "=== start of " + region + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command(config))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start(); // stdin stays a pipe this JVM holds: see --exit-when-stdin-closes
            running.add(process);
            return new ProcessSite(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start site " + region, e);
        }
    }

    List<String> command(Path config) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        String classpath = classpath();
        command.add("-cp");
        command.add(classpath);
        if (isBootJar(classpath)) {
            // The executable jar nests its libraries; Spring Boot's launcher runs any main class from it.
            command.add("-Dloader.main=" + mainClass);
            command.add(BOOT_LAUNCHER);
        } else {
            command.add(mainClass);
        }
        command.addAll(List.of("server", "--config", config.toString(), "--exit-when-stdin-closes"));
        return command;
    }

    /** This JVM's classpath (surefire publishes the real one when it starts tests through a manifest jar). */
    static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    static boolean isBootJar(String classpath) {
        if (classpath.contains(java.io.File.pathSeparator) || !classpath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classpath)) {
            return jar.getEntry("BOOT-INF/") != null || jar.getEntry("BOOT-INF/lib/") != null
                    || jar.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/"));
        } catch (IOException e) {
            return false;
        }
    }

    private final class ProcessSite implements RunningSite {
        private final Process process;
        private final Path log;

        ProcessSite(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.of(process.pid());
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public String logTail(int lines) {
            try {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException | UncheckedIOException e) {
                return "(cannot read " + log + ": " + e + ")";
            }
        }

        /**
         * SIGTERM (Spring's graceful shutdown), SIGKILL after 20 s. Through the process handle: Process.destroy
         * would also close the site's stdin, and the site would halt at once instead of shutting down.
         */
        @Override
        public void close() {
            process.toHandle().destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            } finally {
                running.remove(process);
            }
        }
    }
}
