package org.diminet.core.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;

/**
 * This site's services. A store belongs to one site (it is built knowing the local region) and
 * <em>claims</em> the network of the service's resource at that site: a network may be in at most one
 * service of each type at a site, which is what stops two concurrent requests from building
 * conflicting services over the same network. Each method is one transaction.
 */
public interface ServiceStore {

    /**
     * Stores a new service and claims its local network, if it has one yet.
     *
     * @throws org.diminet.core.domain.error.ConflictException {@code network-in-use} naming the service that
     *         already holds the network, or {@code service-exists} when the id is taken
     */
    void insert(InterSiteService service);

    /**
     * Replaces a stored service and brings its network claim up to date.
     *
     * @throws org.diminet.core.domain.error.NotFoundException when the service is not stored
     * @throws org.diminet.core.domain.error.ConflictException {@code network-in-use} as for insert
     */
    void update(InterSiteService service);

    Optional<InterSiteService> find(GlobalId id);

    /** Every service stored at this site, oldest first. */
    List<InterSiteService> list();

    /**
     * At most {@code limit} services in {@link #list()}'s order that come after {@code after} (from the first
     * when empty), only {@code project}'s when one is given: one page of a listing, read without loading the
     * rest, so a page costs the same with ten services stored or ten thousand.
     *
     * @param after a service in this store (the previous page's last)
     */
    List<InterSiteService> page(Optional<String> project, Optional<InterSiteService> after, int limit);

    /**
     * Calls {@code each} for every stored service (only {@code project}'s when one is given) in {@link
     * #list()}'s order, reading {@code pageSize} at a time: whatever walks every service holds one page in
     * memory, not ten thousand services.
     */
    default void forEachPaged(Optional<String> project, int pageSize, Consumer<InterSiteService> each) {
        Optional<InterSiteService> after = Optional.empty();
        while (true) {
            List<InterSiteService> page = page(project, after, pageSize);
            page.forEach(each);
            if (page.size() < pageSize) {
                return;
            }
            after = Optional.of(page.getLast());
        }
    }

    /**
     * How many services of each type are stored in each state, counted by the store (an aggregate, not a
     * read of every row): what a metrics scrape asks for every few seconds must not cost more with ten
     * thousand services stored.
     */
    Map<ServiceType, Map<ServiceState, Long>> countByTypeAndState();

    /** Removes a service and its claim; returns false when there was none. */
    boolean delete(GlobalId id);

    /**
     * Remembers that the master gave up a create operation, so that its request, if it arrives late,
     * is refused instead of building something nobody will remove.
     */
    void recordAbandoned(UUID operation);

    boolean isAbandoned(UUID operation);
}
