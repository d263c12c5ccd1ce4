-- Messages from the enterprise side already processed, per consumer: Camel's JDBC idempotent repository, shared by
-- every instance, so that an IDoc (by DOCNUM) is processed once however often its file is dropped or picked up.

CREATE TABLE camel_messageprocessed (
    processorname VARCHAR(255) NOT NULL,
    messageid     VARCHAR(100) NOT NULL,
    createdat     TIMESTAMP    NOT NULL,
    PRIMARY KEY (processorname, messageid)
);
