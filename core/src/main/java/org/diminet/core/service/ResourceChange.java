package org.diminet.core.service;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.error.InvalidRequestException;

/**
 * The difference between a service's resources and the list a user asked for with PUT: which sites
 * join and which leave. Sites in both keep their resource as it is; the master's own cannot go.
 *
 * @param resolved the new resource list: staying sites as stored, joining sites as requested
 */
public record ResourceChange(List<Region> added, List<Region> removed, List<Resource> resolved) {

    public static ResourceChange between(Region master, List<Resource> current, List<Resource> desired) {
        Map<Region, Resource> now = current.stream().collect(Collectors.toMap(Resource::region, Function.identity()));
        if (desired.stream().noneMatch(r -> r.region().equals(master))) {
            throw new InvalidRequestException("resources", "the master's own site " + master
                    + " cannot leave the service; delete the service instead");
        }
        for (int i = 0; i < desired.size(); i++) {
            Resource wanted = desired.get(i);
            Resource existing = now.get(wanted.region());
            if (existing != null && wanted.network().isPresent() && !wanted.network().equals(existing.network())) {
                throw new InvalidRequestException("resources[" + i + "].network", "the network of "
                        + wanted.region() + " in this service is " + existing.network().map(Object::toString).orElse("not created yet")
                        + "; to use another network, remove the site and add it again");
            }
        }
        List<Region> desiredRegions = desired.stream().map(Resource::region).toList();
        List<Region> added = desiredRegions.stream().filter(r -> !now.containsKey(r)).toList();
        List<Region> removed = current.stream().map(Resource::region).filter(r -> !desiredRegions.contains(r)).toList();
        List<Resource> resolved = desired.stream().map(r -> now.getOrDefault(r.region(), r)).toList();
        return new ResourceChange(added, removed, resolved);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }
}
