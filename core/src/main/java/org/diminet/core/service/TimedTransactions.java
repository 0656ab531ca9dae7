package org.diminet.core.service;

import java.util.function.Supplier;
import org.diminet.core.operation.Transactions;

/**
 * Times every transaction as the phase {@code journal-write}: the operation journal and the service rows
 * are written in them, and their cost (a commit, an fsync) is part of every create's time at every site.
 */
public final class TimedTransactions implements Transactions {
    static final String PHASE = "journal-write";

    private final Transactions transactions;
    private final PhaseLog phases;

    public TimedTransactions(Transactions transactions, PhaseLog phases) {
        this.transactions = transactions;
        this.phases = phases;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return phases.timedSite(PHASE, () -> transactions.inTransaction(work));
    }
}
