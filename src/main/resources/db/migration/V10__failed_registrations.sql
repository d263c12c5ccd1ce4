-- Registrations with a token A that failed: once ocpi.registration.max-failed-attempts is reached, the token is revoked.
ALTER TABLE peer_token ADD COLUMN failed_registrations INTEGER DEFAULT 0 NOT NULL;
