/** RFC 9457 problem details for every error the APIs return. */
package org.diminet.server.web.problem;
