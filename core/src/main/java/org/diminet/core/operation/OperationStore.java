package org.diminet.core.operation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.IpRange;

/**
 * The operation journal of one site. Each method is one transaction, or joins the one {@link
 * Transactions#inTransaction} opened, so that an operation and the service row it changes are stored
 * together or not at all.
 */
public interface OperationStore {

    void insert(Operation operation);

    /** Replaces a stored operation. */
    void update(Operation operation);

    Optional<Operation> find(UUID id);

    /** Every operation not yet DONE or REVERTED, oldest first: what the reconciler drives. */
    List<Operation> listOpen();

    /** The open operations of one service, oldest first. */
    List<Operation> openFor(GlobalId service);

    /**
     * Every operation of one service this site keeps, oldest first: the open ones and those that finished
     * since the journal last forgot old ones (a day). What a user reads to see how a change went.
     */
    List<Operation> allFor(GlobalId service);

    /** Forgets operations that finished (DONE or REVERTED) before {@code instant}; returns how many. */
    int deleteFinishedBefore(java.time.Instant instant);

    /**
     * Master: the pool granted earlier under {@code key} (operation and step of the requesting site),
     * so that a repeated request gets the same pool instead of a second one.
     */
    Optional<IpRange> findGrant(String key);

    /** Master: records a grant; called in the transaction that stores the ledger it came from. */
    void recordGrant(String key, GlobalId service, IpRange pool);
}
