package org.diminet.core.service;

import java.util.List;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.Resource;
import org.diminet.core.operation.Step;

/**
 * What a strategy decided for a create or an update, before anything happens anywhere: the service row
 * to store with the operation (e.g. an L2 ledger that already records every pool it will hand out),
 * the steps to run, and the resources the service is to have once they are done.
 */
public record Plan(InterSiteService row, List<Step> steps, List<Resource> after) {
    public Plan {
        steps = List.copyOf(steps);
        after = List.copyOf(after);
    }
}
