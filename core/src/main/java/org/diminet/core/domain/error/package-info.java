/** Failures the core reports; each kind maps to one HTTP status family in the web adapter. */
package org.diminet.core.domain.error;
