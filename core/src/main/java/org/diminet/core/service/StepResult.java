package org.diminet.core.service;

import java.util.Optional;
import org.diminet.core.domain.IpRange;
import org.diminet.core.peer.PartReply;

/** What running one step gave: its site's answer, the error it failed with, or that it was not needed. */
sealed interface StepResult {
    record Done(Optional<PartReply> reply, Optional<IpRange> pool) implements StepResult {
        static Done empty() {
            return new Done(Optional.empty(), Optional.empty());
        }
    }

    record Failed(RuntimeException error) implements StepResult {
    }

    record Skipped(String why) implements StepResult {
    }
}
