-- DIMINET site store, schema 1. Portable across H2 2.x (default mode) and PostgreSQL 15:
-- ids are UUIDs kept as canonical lower-case text, JSON documents as plain TEXT written and read
-- by the server's DomainJson mapper, instants as TIMESTAMP WITH TIME ZONE (microsecond precision).

-- One row per inter-site service known at this site.
CREATE TABLE services (
    global_id     VARCHAR(36)              NOT NULL,
    name          VARCHAR(255)             NOT NULL,
    type          VARCHAR(16)              NOT NULL,
    project       VARCHAR(255)             NOT NULL,
    master_region VARCHAR(64)              NOT NULL,
    state         VARCHAR(16)              NOT NULL,
    resources     TEXT                     NOT NULL,
    params        TEXT                     NOT NULL,
    connections   TEXT                     NOT NULL,
    attachment    TEXT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   DEFAULT 0 NOT NULL,
    CONSTRAINT services_pk PRIMARY KEY (global_id)
);

CREATE INDEX services_created_at_idx ON services (created_at, global_id);

-- A local network may be in at most one service of each type at this site; the primary key is
-- what makes concurrent claims of the same network exclude each other.
CREATE TABLE network_claims (
    network_id   VARCHAR(36) NOT NULL,
    service_type VARCHAR(16) NOT NULL,
    global_id    VARCHAR(36) NOT NULL,
    CONSTRAINT network_claims_pk PRIMARY KEY (network_id, service_type),
    CONSTRAINT network_claims_service_fk FOREIGN KEY (global_id)
        REFERENCES services (global_id) ON DELETE CASCADE
);

CREATE INDEX network_claims_global_id_idx ON network_claims (global_id);

-- Create operations the master gave up, so that a late request for one is refused.
CREATE TABLE abandoned_operations (
    operation   VARCHAR(36)              NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT abandoned_operations_pk PRIMARY KEY (operation)
);
