/**
 * The embedded VIM: an in-process, simulated OpenStack site that keeps networks, subnets and ports with
 * Neutron's semantics (allocation pools, gateway rules, IP allocation, in-use checks and Neutron's
 * error types), so DIMINET can run and be tested without an OpenStack.
 *
 * <p>It is a model of Neutron's API, not of a cloud: there is no DHCP agent (no DHCP ports are
 * created, {@code enable_dhcp} is only a flag), no L2/L3 agents, no routers, security groups or
 * quotas, and no data plane at all; no packet ever moves. State lives in memory and, optionally, in a
 * JSON snapshot file so a simulated site survives restarts.
 *
 * <p>Every network, subnet and port has an owning project and a network may be shared, but no policy is
 * applied here: deciding who may see or change what is left to the side that knows the caller.
 *
 * <p>{@link org.diminet.vim.embedded.EmbeddedVim} implements the core's
 * {@link org.diminet.core.vim.Vim} port and offers a richer API through
 * {@link org.diminet.vim.embedded.EmbeddedVim#networks()}, {@link org.diminet.vim.embedded.EmbeddedVim#subnets()}
 * and {@link org.diminet.vim.embedded.EmbeddedVim#ports()} for a Neutron-shaped HTTP facade.
 */
package org.diminet.vim.embedded;
