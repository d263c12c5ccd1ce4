-- What Sender lists need to follow the objects of our own parties from memory, on every instance sharing the
-- database: each write stamps its row with the next number of one sequence, and bumps the row of its module and
-- owner here in the same transaction. That row's lock orders the writes of one module and owner, so that they commit
-- in the order of their stamps: a reader that has seen every stamp up to N of an owner has missed none below it.
-- Deletes leave no row to stamp; they count in deletes, and a reader then compares the keys it holds.
CREATE SEQUENCE ocpi_object_change;

ALTER TABLE ocpi_object ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;

CREATE INDEX ocpi_object_owner_change ON ocpi_object (module, country_code, party_id, change_seq);

CREATE TABLE ocpi_object_version (
    module       VARCHAR(20) NOT NULL,
    country_code VARCHAR(2)  NOT NULL,
    party_id     VARCHAR(3)  NOT NULL,
    changes      BIGINT      NOT NULL,
    deletes      BIGINT      NOT NULL,
    PRIMARY KEY (module, country_code, party_id)
);
