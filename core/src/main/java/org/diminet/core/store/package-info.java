/** The store port: this site's durable record of its services, network claims and abandoned operations. */
package org.diminet.core.store;
