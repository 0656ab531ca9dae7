/**
 * Who is calling: tokens of users and peers (checked with Keystone, or with the site's embedded
 * identity when no Keystone is at hand), peers' certificates, and the filter that admits a request to
 * the North, East-West or Neutron API only once it knows the caller.
 */
package org.diminet.server.auth;
