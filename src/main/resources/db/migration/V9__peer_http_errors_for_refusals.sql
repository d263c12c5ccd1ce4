-- Whether a peer's requests refused at the OCPI layer are answered with an HTTP error (400, 404) instead of the
-- spec's HTTP 200 with the OCPI status, for peers that only look at the HTTP status. Off for every peer.

ALTER TABLE peer ADD COLUMN http_errors_for_refusals BOOLEAN DEFAULT FALSE NOT NULL;
