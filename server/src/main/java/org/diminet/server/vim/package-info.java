/**
 * Decorators of the core's {@link org.diminet.core.vim.Vim} port on the adapter side: for now
 * {@link org.diminet.server.vim.SlowVim}, the benchmark's and tests' stand-in for a VIM that takes time
 * to answer ({@code diminet.embedded-vim.latency}).
 */
package org.diminet.server.vim;
