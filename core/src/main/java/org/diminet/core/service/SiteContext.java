package org.diminet.core.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.diminet.core.dataplane.DataPlane;
import org.diminet.core.domain.Region;
import org.diminet.core.operation.OperationStore;
import org.diminet.core.operation.SiteLocks;
import org.diminet.core.operation.Transactions;
import org.diminet.core.peer.Peers;
import org.diminet.core.store.ServiceStore;
import org.diminet.core.vim.Vim;

/**
 * Everything one site's coordinator works with: its own region and the adapters behind each port.
 * Built once per site by the wiring layer.
 *
 * @param journal      the operation journal, in the same database as {@code store}
 * @param transactions joins store and journal writes into one transaction
 * @param locks        mutual exclusion across the threads and processes serving this site
 */
public record SiteContext(Region local, Vim vim, DataPlane dataPlane, Peers peers, ServiceStore store,
                          OperationStore journal, Transactions transactions, Clock clock, Fanout fanout,
                          PhaseLog phases, SiteLocks locks) {
    public SiteContext {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(vim, "vim");
        Objects.requireNonNull(dataPlane, "dataPlane");
        Objects.requireNonNull(peers, "peers");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(fanout, "fanout");
        Objects.requireNonNull(phases, "phases");
        Objects.requireNonNull(locks, "locks");
    }

    public Instant now() {
        return clock.instant();
    }
}
