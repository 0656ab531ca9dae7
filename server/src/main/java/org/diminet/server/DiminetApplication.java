package org.diminet.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application of one site; started by {@link org.diminet.server.launcher.DiminetMain}. */
@SpringBootApplication
public class DiminetApplication {
}
