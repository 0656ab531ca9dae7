/**
 * The site's health, one computation for its two readers: {@code GET /api/health} (the site's own
 * JSON) and Spring Boot Actuator's {@code /actuator/health} (the {@code store} and {@code peers}
 * components that probes and dashboards expect).
 */
package org.diminet.server.health;
