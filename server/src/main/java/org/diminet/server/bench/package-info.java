/**
 * The benchmark ({@code ./diminet bench}; bench/README.md): N sites as separate processes on loopback
 * (or in this JVM for a quick look), optional injected round-trip delay between sites
 * ({@link org.diminet.server.bench.DelayProxy}) and VIM latency ({@code diminet.embedded-vim.latency}),
 * and the workloads of issue 10: creation latency against its floor, concurrent throughput, a site with
 * 10,000 services, and DIMINET beside the OpenStack lab next to the raw Neutron work. Run on demand,
 * never by the default test run. This package uses the rest of the server only through HTTP and the
 * settings it gives the sites; the launcher hands it the identity and the lab's settings.
 */
package org.diminet.server.bench;
