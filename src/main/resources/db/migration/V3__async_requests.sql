-- Commands and charging-profile requests: answered at once, with the outcome later at a response URL.
-- RECEIVED rows are asked of us (the outcome goes to the peer's response_url); SENT rows we asked of a peer (its
-- outcome comes to our response URL, which carries the row's id).

CREATE TABLE ocpi_async_request (
    id           VARCHAR(36)              PRIMARY KEY,
    module       VARCHAR(20)              NOT NULL,
    direction    VARCHAR(10)              NOT NULL,
    operation    VARCHAR(30)              NOT NULL,
    peer_id      BIGINT                   NOT NULL REFERENCES peer (id),
    request      TEXT                     NOT NULL,
    response_url VARCHAR(255),
    response     TEXT,
    result       TEXT,
    status       VARCHAR(20)              NOT NULL,
    deadline     TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ocpi_async_request_due ON ocpi_async_request (status, deadline);
