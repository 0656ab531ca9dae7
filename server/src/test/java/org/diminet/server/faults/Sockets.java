package org.diminet.server.faults;

import java.io.IOException;
import java.net.Socket;

/** Ends TCP connections the two ways fault scenarios need: quietly, or with a reset the peer notices at once. */
final class Sockets {
    private Sockets() {
    }

    /** Aborts the connection: SO_LINGER 0 makes close() send an RST instead of a FIN. */
    static void reset(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (IOException ignored) {
            // already broken: closing is all that is left
        }
        close(socket);
    }

    static void close(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do: the connection is gone either way
        }
    }
}
