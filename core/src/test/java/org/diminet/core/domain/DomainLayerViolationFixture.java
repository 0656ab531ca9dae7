package org.diminet.core.domain;

import org.diminet.core.l2.PoolSplitter;

/**
 * Test fixture only: a class in the domain package that breaks the layering rules (it uses l2 and
 * java.sql), so {@code CoreDependencyRuleTest} can prove its rules detect a violation.
 */
public final class DomainLayerViolationFixture {
    private DomainLayerViolationFixture() {
    }

    public static java.sql.Timestamp breaksTheRules() {
        return new java.sql.Timestamp(PoolSplitter.MAX_POOL.longValue());
    }
}
