/**
 * The values an inter-site service is made of. Records validate themselves in their compact
 * constructors, so a value that exists is a valid value.
 */
package org.diminet.core.domain;
