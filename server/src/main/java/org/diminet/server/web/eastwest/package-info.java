/** The East-West API ({@code /api/intersite-horizontal}): what masters ask of the other sites. */
package org.diminet.server.web.eastwest;
