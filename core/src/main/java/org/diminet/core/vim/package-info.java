/**
 * The VIM port: what DIMINET needs from its own site's networking service. Implemented by the
 * embedded simulated VIM and (later) by the Neutron adapter; both pass {@code VimContractTest}.
 * DIMINET only ever talks to its own site's VIM.
 */
package org.diminet.core.vim;
