/**
 * A site's settings ({@code diminet.*}) as one typed record, and the error a wrong one raises: read by every
 * adapter, so they live apart from the wiring that builds the beans.
 */
package org.diminet.server.settings;
