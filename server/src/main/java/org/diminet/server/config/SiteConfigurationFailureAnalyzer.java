package org.diminet.server.config;

import org.diminet.server.settings.SiteConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a configuration mistake as one clear paragraph instead of a chain of bean-creation errors. */
public class SiteConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<SiteConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SiteConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the setting named above (a --config file, a command-line option or an environment variable)"
                        + " and start the site again.", cause);
    }
}
