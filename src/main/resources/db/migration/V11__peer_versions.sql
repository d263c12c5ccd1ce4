-- The OCPI version an operator pinned for a peer (NULL: the highest version both speak), and the role of ours that
-- an OCPI 2.1.1 peer trades with (NULL: the one role this platform plays, or not yet known). A 2.1.1 party has one
-- role, so towards such a peer this platform plays one of its roles.

ALTER TABLE peer ADD COLUMN pinned_version VARCHAR(16);
ALTER TABLE peer ADD COLUMN our_role VARCHAR(16);
