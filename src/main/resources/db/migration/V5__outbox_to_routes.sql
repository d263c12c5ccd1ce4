-- The outbox also carries events to our own routes (a CDR received, handed to billing, SAP and Kafka), so that a
-- backend that is down delays an event and loses nothing, exactly as a peer that is down delays a push. An item goes
-- either to a peer (peer_id) or to a route's endpoint (route), with the event's headers as a JSON object.

ALTER TABLE ocpi_outbox ALTER COLUMN peer_id DROP NOT NULL;
ALTER TABLE ocpi_outbox ADD COLUMN route VARCHAR(200);
ALTER TABLE ocpi_outbox ADD COLUMN headers TEXT;

CREATE INDEX ocpi_outbox_route_order ON ocpi_outbox (route, object_key, id);
