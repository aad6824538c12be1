-- The as-of instant an account's derivations (thread keys above all) were computed with. A
-- report whose as-of makes a different set of messages dated re-derives threads in memory; when
-- the two agree it uses the stored keys (electron/engine/analytics/report-threads.ts).
ALTER TABLE accounts ADD COLUMN derived_as_of INTEGER;
