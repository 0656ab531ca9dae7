package org.diminet.server.faults;

import java.io.IOException;
import org.diminet.server.launcher.DiminetMain;

/**
 * What a {@link SiteProcess} runs: exactly {@link DiminetMain} (e.g. {@code server --config FILE}), plus
 * an orphan guard. The test JVM holds the site's stdin pipe open; when the test JVM dies in any way
 * (even SIGKILL, or a surefire fork timeout) the pipe reaches end-of-file and the site halts at once,
 * so no site outlives the test run that started it.
 */
public final class SiteMain {
    private SiteMain() {
    }

    public static void main(String[] args) {
        Thread guard = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent; we only wait for the end of the stream
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end-of-file
            }
            System.err.println("diminet site: the test JVM that started this site is gone; halting");
            Runtime.getRuntime().halt(3);
        }, "orphan-guard");
        guard.setDaemon(true);
        guard.start();
        DiminetMain.main(args);
    }
}
