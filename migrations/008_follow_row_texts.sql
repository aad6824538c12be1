-- The change log follows the texts a report lists too (docs/analytics.md "Incremental load"): a
-- row's subject and provider id, beside its display name and unsubscribe target (followed since
-- 006 as flags). A loaded set keeps the texts it has read for rows the log does not name, so the
-- subjects of the threads awaiting an answer are not read again after every sync; a re-stored
-- message whose subject changed must name its row, or the kept subject would be served stale.
DROP TRIGGER message_cache_changed;

CREATE TRIGGER message_cache_changed AFTER UPDATE OF
  time, counted, direction, echo, automated, sender_name, unsubscribe, size, sender,
  to_addrs, cc_addrs, bcc_addrs, labels, thread_key, subject, provider_id
ON message_cache FOR EACH ROW
WHEN OLD.id <= (SELECT watermark FROM message_change_marks WHERE id = 1)
  AND (OLD.time IS NOT NEW.time OR OLD.counted IS NOT NEW.counted OR OLD.direction IS NOT NEW.direction
    OR OLD.echo IS NOT NEW.echo OR OLD.automated IS NOT NEW.automated
    OR OLD.sender_name IS NOT NEW.sender_name OR OLD.unsubscribe IS NOT NEW.unsubscribe
    OR OLD.size IS NOT NEW.size OR OLD.sender IS NOT NEW.sender OR OLD.to_addrs IS NOT NEW.to_addrs
    OR OLD.cc_addrs IS NOT NEW.cc_addrs OR OLD.bcc_addrs IS NOT NEW.bcc_addrs
    OR OLD.labels IS NOT NEW.labels OR OLD.thread_key IS NOT NEW.thread_key
    OR OLD.subject IS NOT NEW.subject OR OLD.provider_id IS NOT NEW.provider_id)
BEGIN
  INSERT INTO message_changes (account_id, message_rowid) VALUES (OLD.account_id, OLD.id);
END;
