/**
 * The coordinator. {@link org.diminet.core.service.InterSiteServiceManager} serves the North use cases
 * (the site that receives a create becomes the service's master); {@link
 * org.diminet.core.service.EastWestHandler} serves what masters ask of this site. Both delegate the
 * type-specific work to a {@link org.diminet.core.service.ServiceStrategy} ({@code l2}, {@code l3}).
 */
package org.diminet.core.service;
