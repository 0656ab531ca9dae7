package org.diminet.core.service;

/**
 * Hears every timed phase as it ends, for whoever counts them (the server turns them into metrics).
 * The core knows no metrics library: this port is all it offers. Called on the thread that ran the
 * phase, so an implementation must be quick and must not throw (what it throws is logged and dropped).
 */
@FunctionalInterface
public interface PhaseListener {
    /** For sites and tests that count nothing. */
    PhaseListener NONE = phase -> {
    };

    void phaseDone(TimedPhase phase);
}
