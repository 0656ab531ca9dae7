package org.diminet.dataplane.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs programs with {@link ProcessBuilder}: no shell, standard input written then closed, standard output
 * and error read concurrently so that neither pipe can fill up and block the program.
 */
public final class ProcessRunner implements CommandRunner {

    private static final long PIPE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    @Override
    public String run(Command command) {
        Process process;
        try {
            process = new ProcessBuilder(command.argv()).start();
        } catch (IOException e) {
            throw new CommandFailedException(command, CommandFailedException.NOT_STARTED, "", e.getMessage(), e);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            if (command.stdin() != null) {
                in.write(command.stdin().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The program may exit before reading its input (e.g. a usage error); its exit status tells.
        }
        try {
            if (!process.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new CommandFailedException(command, CommandFailedException.TIMED_OUT,
                        now(out), now(err), null);
            }
            // Once the program has exited, at most a pipe buffer is left to read. A daemonising child may
            // keep the pipes open for ever, so wait only briefly for their end.
            String stdout = get(out, PIPE_GRACE_NANOS);
            String stderr = get(err, PIPE_GRACE_NANOS);
            int exit = process.exitValue();
            if (exit != 0) {
                throw new CommandFailedException(command, exit, stdout, stderr, null);
            }
            return stdout;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CommandFailedException(command, CommandFailedException.TIMED_OUT, now(out), now(err), e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                result.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return result;
    }

    private static String get(CompletableFuture<String> text, long nanos) throws InterruptedException {
        try {
            return text.get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }

    private static String now(CompletableFuture<String> text) {
        return text.getNow("");
    }
}
