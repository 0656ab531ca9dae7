package org.diminet.openstack.keystone;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.diminet.core.domain.Region;

/**
 * The part of Keystone's service catalog DIMINET uses, for one endpoint interface.
 *
 * @param network   each region's Neutron ({@code network} service type), without version suffix
 * @param intersite each region's DIMINET, where the catalog has an endpoint of service type
 *                  {@value #INTERSITE_TYPE}; see {@link #diminetEndpoint} for the others
 */
public record ServiceCatalog(Map<Region, URI> network, Map<Region, URI> intersite) {
    public static final String NETWORK_TYPE = "network";
    public static final String INTERSITE_TYPE = "intersite";

    public ServiceCatalog {
        network = Collections.unmodifiableMap(new TreeMap<>(network));
        intersite = Collections.unmodifiableMap(new TreeMap<>(intersite));
    }

    public static ServiceCatalog empty() {
        return new ServiceCatalog(Map.of(), Map.of());
    }

    /** Every region with a network or an intersite endpoint, sorted. */
    public SortedSet<Region> regions() {
        SortedSet<Region> regions = new TreeSet<>(network.keySet());
        regions.addAll(intersite.keySet());
        return Collections.unmodifiableSortedSet(regions);
    }

    public Optional<URI> networkEndpoint(Region region) {
        return Optional.ofNullable(network.get(region));
    }

    /**
     * A region's DIMINET: its {@code intersite} endpoint, or else {@code http://<host of its network
     * endpoint>:<diminetPort>}, as the prototype assumed DIMINET runs beside Neutron. Empty when the region
     * has neither. DIMINET serves plain HTTP, so the fallback does not copy Neutron's scheme.
     */
    public Optional<URI> diminetEndpoint(Region region, int diminetPort) {
        URI explicit = intersite.get(region);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return networkEndpoint(region).map(neutron -> {
            try {
                return new URI("http", null, neutron.getHost(), diminetPort, null, null, null);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot build a DIMINET URL from " + neutron, e);
            }
        });
    }
}
