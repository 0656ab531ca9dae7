/**
 * The OpenAPI documents ({@code /api/openapi}, one group per API) and the Swagger UI: their info, security
 * schemes and groups, the core's records described by documentation-only mix-ins, and what every operation
 * shares (security, the filters' errors, error bodies), added from the rules the request pipeline follows.
 */
package org.diminet.server.web.openapi;
