-- The parties of a command or charging-profile request: from the party that asked, to the party asked. The result
-- travels the other way with these routing headers, so that a hub can route it. Rows from before are left without.

ALTER TABLE ocpi_async_request ADD COLUMN from_country_code VARCHAR(2);
ALTER TABLE ocpi_async_request ADD COLUMN from_party_id VARCHAR(3);
ALTER TABLE ocpi_async_request ADD COLUMN to_country_code VARCHAR(2);
ALTER TABLE ocpi_async_request ADD COLUMN to_party_id VARCHAR(3);
