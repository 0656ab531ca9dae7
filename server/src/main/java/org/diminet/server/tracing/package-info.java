/**
 * Distributed tracing: the East-West client's spans and W3C trace context (Micrometer Tracing over
 * OpenTelemetry; export over OTLP only when {@code management.otlp.tracing.endpoint} is set), and the
 * executor wrapper that carries a request's trace into the calls it fans out to sites.
 */
package org.diminet.server.tracing;
