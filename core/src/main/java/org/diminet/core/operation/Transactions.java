package org.diminet.core.operation;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: the store calls it makes commit together or not at all.
 * Never put a remote call or a VIM call inside (pre-commit work only; networking-bgpvpn's rule).
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** For stores without transactions (in-memory fakes): runs the work as it is. */
    Transactions NONE = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
}
