package org.diminet.server.config;

import org.diminet.server.settings.SiteProperties;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when this site issues and checks tokens itself: {@code diminet.auth.mode=embedded}, or no mode
 * and no Neutron (a Keystone is then not at hand).
 */
public class EmbeddedIdentityCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String mode = context.getEnvironment().getProperty("diminet.auth.mode", "");
        String vim = context.getEnvironment().getProperty("diminet.vim.kind", "embedded");
        return new SiteProperties.Auth(mode, null, null, null, null, null, null, null, null).modeFor(vim).equals("embedded");
    }
}
