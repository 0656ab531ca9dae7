package org.diminet.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The life of a test on the real kernel: what killed runs left is removed first; each test gets a
 * {@link Lab} of its own (skipped, with the reason, when the host lacks what {@link #requireHost()} asks);
 * after it, the lab is closed and not one of its namespaces may remain.
 */
abstract class LabTest {
    protected Lab lab;
    protected LinuxNetwork net;

    /** Skips the test with the reason when this host cannot run it (per test, so each is reported skipped). */
    protected abstract void requireHost();

    @BeforeAll
    static void removeLeftovers() {
        if (LinuxPrerequisites.namespacesMissing().isEmpty()) {
            Lab.removeStaleRuns();
        }
    }

    @BeforeEach
    void setUpLab() {
        requireHost();
        lab = new Lab();
        net = lab.net;
    }

    @AfterEach
    void tearDownLab() {
        if (lab == null) {
            return;
        }
        String run = lab.run;
        lab.close();
        assertThat(net.namespaces().list(Lab.RUN_PREFIX + run)).as("namespaces left by the test").isEmpty();
    }
}
