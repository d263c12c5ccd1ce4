-- The OCPI object store: our own objects (served on Sender interfaces) and the objects peers push to our Receiver
-- interfaces, as the JSON we serve. Keyed by owner and id as the spec keys Client Owned Objects; country_code,
-- party_id and object_id are stored upper-case, since OCPI compares these CiStrings case-insensitively.

CREATE TABLE ocpi_object (
    module       VARCHAR(20)              NOT NULL,
    country_code VARCHAR(2)               NOT NULL,
    party_id     VARCHAR(3)               NOT NULL,
    object_id    VARCHAR(64)              NOT NULL,
    -- Tokens are keyed by uid and type together; empty for every other module.
    object_type  VARCHAR(20)              NOT NULL,
    last_updated TIMESTAMP WITH TIME ZONE NOT NULL,
    -- For sessions and CDRs: the eMSP whose token was used, so that each eMSP pulls only its own.
    for_country_code VARCHAR(2),
    for_party_id     VARCHAR(3),
    body         TEXT                     NOT NULL,
    PRIMARY KEY (module, country_code, party_id, object_id, object_type)
);

-- Paginated, date-filtered Sender GETs walk this index in last_updated order.
CREATE INDEX ocpi_object_changes ON ocpi_object (module, last_updated, country_code, party_id, object_id, object_type);
