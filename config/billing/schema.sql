-- The reference billing schema: the tables of a utility's billing system and asset register that the reference
-- routes in routes/ read and write. A site adapts the routes' queries (mappings/billing/*.sql) to its own tables
-- rather than this schema to the adapter. Runs unchanged on H2 and PostgreSQL; safe to run again.

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
    uid           VARCHAR(36)              PRIMARY KEY,  -- RFID UID (hex) or app user id, upper-case
    contract_id   VARCHAR(36)              NOT NULL REFERENCES billing_contract (contract_id),
    card_type     VARCHAR(12)              NOT NULL,     -- RFID or APP_USER
    visual_number VARCHAR(64),
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE               -- set by the adapter: the change it last published
);

-- What the polls of changed cards look up (mappings/billing/changed-cards.sql).
CREATE INDEX IF NOT EXISTS billing_contract_changed ON billing_contract (changed_at);
CREATE INDEX IF NOT EXISTS billing_card_contract ON billing_card (contract_id);
CREATE INDEX IF NOT EXISTS billing_card_changed ON billing_card (changed_at);
CREATE INDEX IF NOT EXISTS billing_card_published ON billing_card (published_at);

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

-- Tariffs we charge at our charge points (we are their CPO): each becomes one OCPI Tariff.
CREATE TABLE IF NOT EXISTS billing_tariff (
    tariff_id     VARCHAR(36)              PRIMARY KEY,
    currency      VARCHAR(3)               NOT NULL,     -- ISO 4217
    tariff_type   VARCHAR(20),                           -- an OCPI TariffType (AD_HOC_PAYMENT, REGULAR, ...); null: any
    description   VARCHAR(255),                          -- shown to drivers, in description_language
    description_language VARCHAR(2),
    valid_from    TIMESTAMP WITH TIME ZONE,
    valid_until   TIMESTAMP WITH TIME ZONE,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,     -- also when one of its elements or prices changed
    published_at  TIMESTAMP WITH TIME ZONE               -- set by the adapter: the change it last published
);

-- A tariff's elements: one set of prices and when they apply (a time band, weekdays, a power range).
CREATE TABLE IF NOT EXISTS billing_tariff_element (
    tariff_id     VARCHAR(36)    NOT NULL REFERENCES billing_tariff (tariff_id),
    element_no    INTEGER        NOT NULL,               -- the elements' order: the first that applies wins
    start_time    VARCHAR(5),                            -- 'HH:MM', local time of the charge point
    end_time      VARCHAR(5),
    days_of_week  VARCHAR(62),                           -- e.g. 'MONDAY,TUESDAY'; null: every day
    min_power_kw  NUMERIC(8, 2),
    max_power_kw  NUMERIC(8, 2),
    max_duration_s INTEGER,
    PRIMARY KEY (tariff_id, element_no)
);

-- The prices of an element, one per dimension.
CREATE TABLE IF NOT EXISTS billing_tariff_price (
    tariff_id     VARCHAR(36)    NOT NULL,
    element_no    INTEGER        NOT NULL,
    dimension     VARCHAR(12)    NOT NULL,               -- ENERGY (per kWh), FLAT, PARKING_TIME or TIME (per hour)
    price         NUMERIC(12, 4) NOT NULL,               -- excluding VAT
    vat_percent   NUMERIC(5, 2),
    step_size     INTEGER        NOT NULL DEFAULT 1,     -- Wh or seconds billed per step
    PRIMARY KEY (tariff_id, element_no, dimension),
    FOREIGN KEY (tariff_id, element_no) REFERENCES billing_tariff_element (tariff_id, element_no)
);

-- The asset register: our charging sites, their charge points and connectors (we are their CPO). Each site becomes
-- one OCPI Location, each charge point an EVSE. Their live status is not kept here: the charge point management
-- system reports it over Kafka (routes/kafka.camel.yaml).
CREATE TABLE IF NOT EXISTS asset_site (
    site_id       VARCHAR(36)              PRIMARY KEY,
    name          VARCHAR(255),
    street        VARCHAR(45)              NOT NULL,
    postal_code   VARCHAR(10),
    city          VARCHAR(45)              NOT NULL,
    country       VARCHAR(3)               NOT NULL,     -- ISO 3166-1 alpha-3, e.g. NLD
    latitude      VARCHAR(10)              NOT NULL,     -- decimal degrees, 5 to 7 decimals: 52.37403
    longitude     VARCHAR(11)              NOT NULL,
    time_zone     VARCHAR(255)             NOT NULL,     -- IANA, e.g. Europe/Amsterdam
    parking_type  VARCHAR(30),                           -- an OCPI ParkingType, e.g. ON_STREET
    public_site   BOOLEAN                  NOT NULL,     -- false: not published to roaming partners' drivers
    open_24_7     BOOLEAN                  NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE               -- set by the adapter: the change it last published
);

CREATE TABLE IF NOT EXISTS asset_charge_point (
    evse_uid      VARCHAR(36)              PRIMARY KEY,  -- the asset number; our EVSE uid
    site_id       VARCHAR(36)              NOT NULL REFERENCES asset_site (site_id),
    evse_id       VARCHAR(48),                           -- eMI3 EVSE ID, e.g. NL*UCP*E0001001
    asset_state   VARCHAR(12)              NOT NULL,     -- PLANNED, IN_SERVICE, OUT_OF_ORDER or REMOVED
    capabilities  VARCHAR(255),                          -- OCPI Capabilities, e.g. 'RFID_READER,REMOTE_START_STOP_CAPABLE'
    floor_level   VARCHAR(4),
    physical_reference VARCHAR(16),                      -- the number on the charge point's sticker
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS asset_charge_point_site ON asset_charge_point (site_id);

CREATE TABLE IF NOT EXISTS asset_connector (
    evse_uid      VARCHAR(36)    NOT NULL REFERENCES asset_charge_point (evse_uid),
    connector_id  VARCHAR(36)    NOT NULL,
    standard      VARCHAR(30)    NOT NULL,               -- an OCPI ConnectorType, e.g. IEC_62196_T2
    cable         BOOLEAN        NOT NULL,               -- true: cable attached (CABLE), false: socket (SOCKET)
    power_type    VARCHAR(12)    NOT NULL,               -- AC_1_PHASE, AC_2_PHASE, AC_3_PHASE or DC
    max_voltage   INTEGER        NOT NULL,
    max_amperage  INTEGER        NOT NULL,
    max_power_w   INTEGER,
    tariff_id     VARCHAR(36),                           -- billing_tariff; null: the driver's eMSP contract decides
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (evse_uid, connector_id)
);

-- Set by the adapter on each table it publishes from: a change it failed to publish (failed_change_at, its changed_at)
-- and how often it failed (publish_failures). After 5 failures that change is no longer polled, so that the rows after
-- it go on; the row's next change is tried again. Cleared once a change is published.
ALTER TABLE billing_card ADD COLUMN IF NOT EXISTS failed_change_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE billing_card ADD COLUMN IF NOT EXISTS publish_failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE billing_tariff ADD COLUMN IF NOT EXISTS failed_change_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE billing_tariff ADD COLUMN IF NOT EXISTS publish_failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE asset_site ADD COLUMN IF NOT EXISTS failed_change_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE asset_site ADD COLUMN IF NOT EXISTS publish_failures INTEGER DEFAULT 0 NOT NULL;

-- The payment terminals that payment terminal providers (PTPs) run at our charge points (we are their CPO), as each
-- PTP last sent them (OCPI 2.3.0 payments module): which of our locations and EVSEs a terminal takes payments for,
-- and who invoices the driver.
CREATE TABLE IF NOT EXISTS billing_payment_terminal (
    ptp_country_code    VARCHAR(2)               NOT NULL,
    ptp_party_id        VARCHAR(3)               NOT NULL,
    terminal_id         VARCHAR(36)              NOT NULL,
    customer_reference  VARCHAR(36),                           -- links the terminal to us, as agreed with the PTP
    terminal_reference  VARCHAR(36),                           -- the PTP's mapping value, e.g. the serial number
    invoice_creator     VARCHAR(3),                            -- CPO: we invoice, at invoice_base_url; PTP: the PTP does
    invoice_base_url    VARCHAR(255),
    location_ids        TEXT,                                  -- comma-separated
    evse_uids           TEXT,                                  -- comma-separated
    last_updated        TIMESTAMP WITH TIME ZONE,              -- null: created by the PTP with its id alone
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (ptp_country_code, ptp_party_id, terminal_id)
);

-- What PTPs captured for charging at our charge points (OCPI financial advice confirmations), one row per
-- confirmation: the EFT data our invoice of the session must show, found by the session's authorization reference.
CREATE TABLE IF NOT EXISTS billing_payment_capture (
    ptp_country_code        VARCHAR(2)               NOT NULL,
    ptp_party_id            VARCHAR(3)               NOT NULL,
    confirmation_id         VARCHAR(36)              NOT NULL,
    authorization_reference VARCHAR(36)              NOT NULL,  -- the StartSession's, also on the session and its CDR
    capture_status          VARCHAR(15)              NOT NULL,  -- SUCCESS, PARTIAL_SUCCESS or FAILED
    capture_message         VARCHAR(255),
    currency                VARCHAR(3)               NOT NULL,
    amount_excl_vat         NUMERIC(12, 4)           NOT NULL,
    amount_incl_vat         NUMERIC(12, 4),                     -- what the driver paid
    eft_data                TEXT,                               -- the lines to print on the invoice, one per line
    last_updated            TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at             TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (ptp_country_code, ptp_party_id, confirmation_id)
);

CREATE INDEX IF NOT EXISTS billing_payment_capture_authorization ON billing_payment_capture (authorization_reference);
