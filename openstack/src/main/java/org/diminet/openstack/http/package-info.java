/**
 * HTTP plumbing shared by this module's adapters (client set-up, describing transport failures and error
 * bodies). Not an API for other modules.
 */
package org.diminet.openstack.http;
