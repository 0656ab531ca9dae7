/**
 * Small HTTP helpers shared by the servlet filters and the web layer (e.g. a problem-details body written
 * before Spring MVC is reached).
 */
package org.diminet.server.http;
