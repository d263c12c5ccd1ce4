-- Every statement that changes the registry notifies on the channel ocpi_registry, with the schema of its table as
-- payload, in its own transaction: PostgreSQL delivers the notification to every listening connection once the
-- transaction commits, and never for one rolled back. Each instance listens (RegistryNotifications) and forgets
-- the callers it keeps in memory (HolderCache), whoever made the change: the admin API, a credentials handshake on
-- another instance, a DELETE cascading from peer, or an operator with psql.
CREATE FUNCTION registry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ocpi_registry', TG_TABLE_SCHEMA);
    RETURN NULL;
END
$$;

CREATE TRIGGER peer_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON peer
    FOR EACH STATEMENT EXECUTE FUNCTION registry_changed();
CREATE TRIGGER peer_token_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON peer_token
    FOR EACH STATEMENT EXECUTE FUNCTION registry_changed();
CREATE TRIGGER peer_role_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON peer_role
    FOR EACH STATEMENT EXECUTE FUNCTION registry_changed();
CREATE TRIGGER peer_endpoint_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON peer_endpoint
    FOR EACH STATEMENT EXECUTE FUNCTION registry_changed();
