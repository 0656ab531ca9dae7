/**
 * Micrometer meters of the site, served by {@code /actuator/prometheus}: the core's phase timers (through
 * its {@link org.diminet.core.service.PhaseListener} port), each peer's reachability and round-trip
 * time, and the services by type and state. The HTTP request meters ({@code http_server_requests}) are
 * Spring Boot's own. README "Metrics" says which of them an operator should watch.
 */
package org.diminet.server.metrics;
