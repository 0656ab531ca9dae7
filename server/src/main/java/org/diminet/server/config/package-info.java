/** Builds one site: configuration properties and the beans that connect the core to its adapters. */
package org.diminet.server.config;
