-- The reference billing schema: the tables of a utility's billing system that the reference routes in routes/
-- read and write. A site adapts the routes' queries (mappings/billing/*.sql) to its own tables rather than this
-- schema to the adapter. Runs unchanged on H2 and PostgreSQL; safe to run again.

-- Customer contracts for charging (we are their eMSP).
CREATE TABLE IF NOT EXISTS billing_contract (
    contract_id   VARCHAR(36)              PRIMARY KEY,  -- the eMA ID printed on the card, e.g. NL-UMS-C00001234-5
    customer_name VARCHAR(100)             NOT NULL,
    state         VARCHAR(10)              NOT NULL,     -- ACTIVE, BLOCKED (by us: unpaid, stolen card) or ENDED
    valid_until   DATE,                                  -- last day of the contract; null: open-ended
    credit_limit  NUMERIC(12, 2),                        -- null: no limit
    balance_due   NUMERIC(12, 2)           NOT NULL DEFAULT 0,
    language      VARCHAR(2),                            -- ISO 639-1, for the charge point's screen
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The charge cards and app accounts of a contract: each becomes one OCPI Token.
CREATE TABLE IF NOT EXISTS billing_card (
    uid           VARCHAR(36)              PRIMARY KEY,  -- RFID UID (hex) or app user id
    contract_id   VARCHAR(36)              NOT NULL REFERENCES billing_contract (contract_id),
    card_type     VARCHAR(12)              NOT NULL,     -- RFID or APP_USER
    visual_number VARCHAR(64),
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE               -- set by the adapter: the change it last published
);

-- Where a contract may charge, when it may not charge everywhere (a fleet limited to its depots).
CREATE TABLE IF NOT EXISTS billing_contract_location (
    contract_id   VARCHAR(36) NOT NULL REFERENCES billing_contract (contract_id),
    location_id   VARCHAR(36) NOT NULL,
    PRIMARY KEY (contract_id, location_id)
);

-- Charging sessions to bill: the CDRs roaming partners (CPOs) sent for our customers' charging, one row per CDR.
CREATE TABLE IF NOT EXISTS billing_line_item (
    cpo_country_code VARCHAR(2)               NOT NULL,
    cpo_party_id     VARCHAR(3)               NOT NULL,
    cdr_id           VARCHAR(39)              NOT NULL,
    contract_id      VARCHAR(36)              NOT NULL,
    token_uid        VARCHAR(36)              NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    energy_kwh       NUMERIC(12, 3)           NOT NULL,
    currency         VARCHAR(3)               NOT NULL,
    amount_excl_vat  NUMERIC(12, 4)           NOT NULL,
    amount_incl_vat  NUMERIC(12, 4),
    location_id      VARCHAR(36)              NOT NULL,
    evse_id          VARCHAR(48),
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (cpo_country_code, cpo_party_id, cdr_id)
);
