package org.diminet.server.inprocess;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.diminet.core.dataplane.DataPlane;
import org.diminet.core.domain.DataPlaneAttachment;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.RouteTarget;
import org.diminet.core.domain.ServiceType;

/**
 * A data plane that, like a Neutron with BGPVPN, holds what it made outside DIMINET's records (so a test
 * can count what is left), counts the searches for unrecorded leftovers (each one a VIM round trip at a
 * Neutron site), and can lose the answer of its next attach after making it (a timeout after the work).
 */
final class HeldAttachments implements DataPlane {
    private final Map<String, GlobalId> held = new ConcurrentHashMap<>();
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicBoolean loseNextAnswer = new AtomicBoolean();
    private final CountDownLatch firstAttach = new CountDownLatch(1);

    @Override
    public String driver() {
        return "held";
    }

    @Override
    public DataPlaneAttachment attach(GlobalId service, ServiceType type, NetworkId localNetwork,
                                      RouteTarget export, Set<RouteTarget> imports) {
        String id = UUID.randomUUID().toString();
        held.put(id, service);
        firstAttach.countDown();
        if (loseNextAnswer.getAndSet(false)) {
            throw new IllegalStateException("the data plane's answer was lost after it attached " + service);
        }
        return new DataPlaneAttachment(driver(), List.of(id), export, imports);
    }

    @Override
    public DataPlaneAttachment updateImports(DataPlaneAttachment attachment, Set<RouteTarget> imports) {
        return new DataPlaneAttachment(driver(), attachment.externalIds(), attachment.exportTarget(), imports);
    }

    @Override
    public void detach(DataPlaneAttachment attachment) {
        attachment.externalIds().forEach(held::remove);
    }

    @Override
    public void detachUnrecorded(GlobalId service) {
        searches.incrementAndGet();
        held.values().removeIf(service::equals);
    }

    /** How many attachments this site holds for {@code service}. */
    long heldFor(GlobalId service) {
        return held.values().stream().filter(service::equals).count();
    }

    /** How many attachments this site holds, whatever their service. */
    int attachedInAll() {
        return held.size();
    }

    int searchesForLeftovers() {
        return searches.get();
    }

    /** Waits until this site attached something; false if it did not within {@code wait}. */
    boolean awaitFirstAttach(Duration wait) {
        try {
            return firstAttach.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void loseNextAttachAnswer() {
        loseNextAnswer.set(true);
    }
}
