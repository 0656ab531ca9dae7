package org.diminet.core.peer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.domain.error.InvalidRequestException;

/**
 * Master to site: check and create your part of this service in one go.
 *
 * @param operation identifies this attempt; a compensating delete names it so a late request is refused
 * @param resources every resource of the service, as the master knows them now
 * @param l2        for L2 only: the CIDR, gateway and the pool this site gets
 */
public record CreatePartRequest(UUID operation, GlobalId id, String name, ServiceType type, String project,
                                Region master, List<Resource> resources, Optional<L2Instruction> l2) {
    public CreatePartRequest {
        required(operation, "operation");
        required(id, "id");
        required(name, "name");
        required(type, "type");
        required(master, "master");
        required(resources, "resources");
        if (resources.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException("resources", "resources must not hold null entries");
        }
        resources = List.copyOf(resources);
        l2 = l2 == null ? Optional.empty() : l2;
        if (project == null || project.isBlank()) {
            project = "default";
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
    }
}
