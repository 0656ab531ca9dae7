-- DIMINET site store, schema 2: the operation journal. Every multi-site change is a row here, written
-- in the same transaction as the service row it changes; its steps travel in "body" (JSON written by
-- the server's journal mapper). Rows stay after they finish, for the record, until pruned.
CREATE TABLE operations (
    operation_id VARCHAR(36)              NOT NULL,
    global_id    VARCHAR(36)              NOT NULL,
    kind         VARCHAR(16)              NOT NULL,
    phase        VARCHAR(16)              NOT NULL,
    body         TEXT                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT operations_pk PRIMARY KEY (operation_id)
);

CREATE INDEX operations_phase_idx ON operations (phase, created_at);
CREATE INDEX operations_global_id_idx ON operations (global_id, phase);

-- Master: pools granted to sites, by the requesting step's key, so a repeated request (its answer
-- was lost) gets the same pool and the ledger is charged once.
CREATE TABLE pool_grants (
    grant_key   VARCHAR(100)             NOT NULL,
    global_id   VARCHAR(36)              NOT NULL,
    range_start VARCHAR(64)              NOT NULL,
    range_end   VARCHAR(64)              NOT NULL,
    granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pool_grants_pk PRIMARY KEY (grant_key)
);
