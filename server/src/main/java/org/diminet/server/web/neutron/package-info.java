/**
 * The embedded VIM over HTTP in OpenStack Neutron v2.0's JSON shapes ({@code /neutron/v2.0/networks},
 * {@code subnets}, {@code ports}, {@code routers} with their interfaces, {@code agents}, {@code extensions}), so users and tests manage a simulated site exactly as they would a
 * real Neutron, with Neutron's default policy between projects. Errors are Neutron's
 * {@code {"NeutronError":{…}}}, never problem details.
 */
package org.diminet.server.web.neutron;
