package org.diminet.core.service;

import java.util.Optional;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.IpRange;
import org.diminet.core.peer.PartReply;

/** What running one step gave: its site's answer, the error it failed with, or that it was not needed. */
sealed interface StepResult {
    /**
     * @param rowChange what the step changes in its service's row (e.g. the local attachment it made), applied
     *                  where the step's result is stored, in the same transaction: one commit, not two
     */
    record Done(Optional<PartReply> reply, Optional<IpRange> pool, Optional<RowChange> rowChange) implements StepResult {
        Done(Optional<PartReply> reply, Optional<IpRange> pool) {
            this(reply, pool, Optional.empty());
        }

        static Done empty() {
            return new Done(Optional.empty(), Optional.empty());
        }

        static Done changing(RowChange change) {
            return new Done(Optional.empty(), Optional.empty(), Optional.of(change));
        }
    }

    /** A change to the service's row as it is stored when the step's result is. */
    @FunctionalInterface
    interface RowChange {
        InterSiteService applyTo(InterSiteService stored);
    }

    record Failed(RuntimeException error) implements StepResult {
    }

    record Skipped(String why) implements StepResult {
    }
}
