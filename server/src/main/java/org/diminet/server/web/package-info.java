/** The REST adapters: North API for users, East-West API for peers, problem details for errors. */
package org.diminet.server.web;
