/** The North API ({@code /api/intersite-vertical}) and its JSON shapes, prototype-compatible. */
package org.diminet.server.web.north;
