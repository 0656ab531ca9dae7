package org.diminet.core.operation;

/** What a multi-site operation does to its service. */
public enum OperationKind {
    /** The master builds a new service at every site of it, or nowhere. */
    CREATE,
    /** The master makes the service's sites match a new resource list (sites join and leave). */
    UPDATE,
    /** The master removes the service from every site, then its own part. */
    DELETE,
    /** A site asks the master of an L2 extension for one more pool and adds it to its subnet. */
    POOL
}
