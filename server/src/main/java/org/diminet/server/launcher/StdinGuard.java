package org.diminet.server.launcher;

import java.io.IOException;
import java.io.InputStream;

/**
 * For a site started as the child of a harness (the benchmark): the harness holds the site's stdin pipe
 * open and never writes to it; when the harness dies in any way (even SIGKILL), the pipe reaches
 * end-of-file and the site halts at once, so no site outlives the run that started it.
 */
final class StdinGuard {
    private StdinGuard() {
    }

    static void start(InputStream stdin) {
        Thread guard = new Thread(() -> {
            try {
                while (stdin.read() >= 0) {
                    // nothing is ever sent; only the end of the stream matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end-of-file
            }
            System.err.println("diminet site: the process that started this site is gone (stdin closed); halting");
            Runtime.getRuntime().halt(3);
        }, "stdin-guard");
        guard.setDaemon(true);
        guard.start();
    }
}
