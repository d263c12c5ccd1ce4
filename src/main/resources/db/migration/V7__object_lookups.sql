-- Two lookups the object store makes on every request, each now one index range:
-- a token is found by uid alone (authorize names no owner), whoever owns it;
CREATE INDEX ocpi_object_by_id ON ocpi_object (module, object_id, object_type);

-- a Sender GET pages through its owner's objects in last_updated order. With the owner ahead of last_updated the
-- index yields a page already sorted and counts without touching the rows, however many objects other modules and
-- owners hold; the index it replaces made the planner sort every object of the module.
CREATE INDEX ocpi_object_owner_changes ON ocpi_object (module, country_code, party_id, last_updated, object_id, object_type);
DROP INDEX ocpi_object_changes;
