package org.diminet.core.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.domain.error.InvalidRequestException;

/**
 * A user's request for a new service, checked for what can be checked without asking anyone: a name,
 * at least two sites, each site once, only sites this one knows, and this site among them (the
 * receiving site is the master). Type-specific rules are the strategy's.
 */
public record NewService(String name, ServiceType type, String project, List<Resource> resources) {
    public NewService {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("name", "name is required");
        }
        if (name.length() > 255) {
            throw new InvalidRequestException("name", "name is longer than 255 characters");
        }
        if (type == null) {
            throw new InvalidRequestException("type", "type is required (L2 or L3)");
        }
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** Checks the resource list against this site and the sites it knows. */
    public static void checkResources(List<Resource> resources, Region local, Set<Region> known) {
        if (resources.size() < 2) {
            throw new InvalidRequestException("resources",
                    "an inter-site service needs resources at two sites at least, got " + resources.size());
        }
        Set<Region> seen = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            Region region = resources.get(i).region();
            if (!seen.add(region)) {
                throw new InvalidRequestException("resources[" + i + "].region",
                        "region " + region + " appears more than once; a service has one resource per site");
            }
            if (!region.equals(local) && !known.contains(region)) {
                throw new InvalidRequestException("resources[" + i + "].region",
                        "region " + region + " is unknown here; known regions: " + knownList(local, known));
            }
        }
        if (!seen.contains(local)) {
            throw new InvalidRequestException("resources",
                    "resources must include this site (" + local + "): the site that receives a request is its master");
        }
    }

    private static String knownList(Region local, Set<Region> known) {
        Set<Region> all = new java.util.TreeSet<>(known);
        all.add(local);
        return all.toString();
    }

    public Resource localResource(Region local) {
        return resources.stream().filter(r -> r.region().equals(local)).findFirst().orElseThrow();
    }
}
