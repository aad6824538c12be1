-- The change log the analytics load follows (docs/analytics.md "Incremental load"): a loaded set
-- of columns is brought up to date by reading only the rows changed since it was read, not the
-- whole account again.
-- New rows need no entry: message_cache ids are given as max(id) + 1 (no AUTOINCREMENT), so a row
-- stored after a set was read has an id above every row the set still holds unchanged, and the
-- load reads every row above those. What that cannot see is a row it already holds being changed
-- or deleted: these triggers log those, for rows at or below the watermark. Rows above the
-- watermark are read again whole by every load (they are the newest: stored since the engine last
-- moved the watermark, before it warmed the analytics), so an import's derivation of its own new
-- rows writes nothing here. Only columns the analytics load reads are followed, and only when a
-- value really changes (a derivation that rewrites the same thread key logs nothing).
CREATE TABLE message_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, so a load's position stays meaningful
  account_id INTEGER NOT NULL,
  message_rowid INTEGER NOT NULL
);

-- One row: the watermark (rows at or below it are followed) and the last seq trimmed away (a load
-- that read before it cannot catch up through the log and reads the account whole).
CREATE TABLE message_change_marks (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  watermark INTEGER NOT NULL,
  trimmed_through INTEGER NOT NULL
);
INSERT INTO message_change_marks (id, watermark, trimmed_through)
VALUES (1, coalesce((SELECT max(id) FROM message_cache), 0), 0);

CREATE TRIGGER message_cache_changed AFTER UPDATE OF
  time, counted, direction, echo, automated, sender_name, unsubscribe, size, sender,
  to_addrs, cc_addrs, bcc_addrs, labels, thread_key
ON message_cache FOR EACH ROW
WHEN OLD.id <= (SELECT watermark FROM message_change_marks WHERE id = 1)
  AND (OLD.time IS NOT NEW.time OR OLD.counted IS NOT NEW.counted OR OLD.direction IS NOT NEW.direction
    OR OLD.echo IS NOT NEW.echo OR OLD.automated IS NOT NEW.automated
    OR OLD.sender_name IS NOT NEW.sender_name OR OLD.unsubscribe IS NOT NEW.unsubscribe
    OR OLD.size IS NOT NEW.size OR OLD.sender IS NOT NEW.sender OR OLD.to_addrs IS NOT NEW.to_addrs
    OR OLD.cc_addrs IS NOT NEW.cc_addrs OR OLD.bcc_addrs IS NOT NEW.bcc_addrs
    OR OLD.labels IS NOT NEW.labels OR OLD.thread_key IS NOT NEW.thread_key)
BEGIN
  INSERT INTO message_changes (account_id, message_rowid) VALUES (OLD.account_id, OLD.id);
END;

-- A row moved to another account (no writer does this today) is a change of both accounts.
CREATE TRIGGER message_cache_moved AFTER UPDATE OF account_id ON message_cache FOR EACH ROW
WHEN OLD.account_id IS NOT NEW.account_id
BEGIN
  INSERT INTO message_changes (account_id, message_rowid) VALUES (OLD.account_id, OLD.id), (NEW.account_id, NEW.id);
END;

CREATE TRIGGER message_cache_deleted AFTER DELETE ON message_cache FOR EACH ROW
WHEN OLD.id <= (SELECT watermark FROM message_change_marks WHERE id = 1)
BEGIN
  INSERT INTO message_changes (account_id, message_rowid) VALUES (OLD.account_id, OLD.id);
END;
