/**
 * The DIMINET server: the adapters around the core (web APIs, JDBC store, HTTP peer client, embedded
 * VIM over HTTP) and the wiring that builds one site from configuration.
 */
package org.diminet.server;
