package org.diminet.core.service;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.stream.Collectors;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.DiminetException;
import org.diminet.core.operation.Step;

/**
 * One line per inter-site event at the site that handled it as master: a service created, changed or
 * deleted, or a request refused and why. Logged to {@value #LOGGER}, apart from the phases and the
 * framework's logs, so that a console can show these lines alone (the demo's does). Requests a site
 * only forwards to the master are reported by the master, so each event is told once.
 */
final class ServiceEvents {
    static final String LOGGER = "org.diminet.events";
    private static final Logger LOG = System.getLogger(LOGGER);
    private final Region region;

    ServiceEvents(Region region) {
        this.region = region;
    }

    void created(InterSiteService service) {
        tell("created " + describe(service) + " across " + sites(service));
    }

    void changed(InterSiteService service) {
        tell("changed " + describe(service) + ": now across " + sites(service));
    }

    /** @param left the service while a site's removal still waits; empty when it is gone everywhere */
    void deleted(InterSiteService service, Optional<ServiceStatus> left) {
        String waiting = left.map(s -> s.pending().stream().flatMap(op -> op.pending().stream())
                .map(Step::site).distinct().map(Region::name).collect(Collectors.joining(", "))).orElse("");
        tell(left.isEmpty() ? "deleted " + describe(service)
                : "deleting " + describe(service) + ": gone except at " + (waiting.isEmpty() ? "?" : waiting)
                + ", removed there when it answers");
    }

    /** @param what what the user asked for, e.g. {@code create L3 service "web"} */
    void refused(String what, RuntimeException why) {
        tell(why instanceof DiminetException
                ? "refused to " + what + ": " + why.getMessage()
                : "failed to " + what + ": unexpected failure (the site's log has the details)");
    }

    static String describe(InterSiteService service) {
        return service.type() + " service " + service.id() + " \"" + service.name() + "\"";
    }

    private static String sites(InterSiteService service) {
        return service.regions().stream().map(Region::name).collect(Collectors.joining(", "));
    }

    /** Names and messages may carry what a user typed: no control character reaches the console. */
    private void tell(String event) {
        LOG.log(Level.INFO, region + ": " + event.replaceAll("\\p{Cntrl}", "?"));
    }
}
