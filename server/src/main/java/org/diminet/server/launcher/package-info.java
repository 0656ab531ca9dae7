/** The command line: {@code diminet server} runs one site, {@code diminet demo} runs several in one process. */
package org.diminet.server.launcher;
