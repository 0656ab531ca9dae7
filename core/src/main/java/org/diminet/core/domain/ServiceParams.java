package org.diminet.core.domain;

/** The per-type, per-site parameters of a service. */
public sealed interface ServiceParams permits L2Params, L3Params {
}
