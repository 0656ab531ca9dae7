package org.diminet.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An inter-site service as one site stores it. The resources are known at every site of the service;
 * params, connections and the data-plane attachment describe this site only.
 */
public record InterSiteService(GlobalId id, String name, ServiceType type, String project, Region master,
                               List<Resource> resources, ServiceParams params, List<Connection> connections,
                               Optional<DataPlaneAttachment> attachment, ServiceState state,
                               Instant createdAt, Instant updatedAt) {
    public InterSiteService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(master, "master");
        resources = List.copyOf(resources);
        Objects.requireNonNull(params, "params");
        connections = List.copyOf(connections);
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean isMasteredBy(Region region) {
        return master.equals(region);
    }

    public Optional<Resource> resourceAt(Region region) {
        return resources.stream().filter(r -> r.region().equals(region)).findFirst();
    }

    public List<Region> regions() {
        return resources.stream().map(Resource::region).toList();
    }

    public InterSiteService withState(ServiceState newState, Instant now) {
        return new InterSiteService(id, name, type, project, master, resources, params, connections, attachment,
                newState, createdAt, now);
    }

    public InterSiteService withResources(List<Resource> newResources, Instant now) {
        return new InterSiteService(id, name, type, project, master, newResources, params, connections, attachment,
                state, createdAt, now);
    }

    public InterSiteService withParams(ServiceParams newParams, Instant now) {
        return new InterSiteService(id, name, type, project, master, resources, newParams, connections, attachment,
                state, createdAt, now);
    }

    public InterSiteService withDataPlane(List<Connection> newConnections, Optional<DataPlaneAttachment> newAttachment,
                                          Instant now) {
        return new InterSiteService(id, name, type, project, master, resources, params, newConnections,
                newAttachment, state, createdAt, now);
    }
}
