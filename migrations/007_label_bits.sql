-- Labels as bits (docs/store.md "Labels"): an account's label ids are numbered once in
-- account_labels (bits 0–52 for its first 53 labels, in the order they were first stored; a label
-- past those has no bit), and a message's labels are one integer beside its JSON list,
-- message_cache.label_bits. This replaces message_labels, which wrote two B-tree entries for every
-- label of every stored message (its row and its (account, label, time) index: a third of an
-- import's inserts) for the one query that filters by label and the SENT check. 53 bits: a
-- JavaScript number holds them exactly. The time index carries the bits, so a label filter over a
-- time range reads only index entries.
CREATE TABLE account_labels (
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  bit INTEGER CHECK (bit BETWEEN 0 AND 52),
  PRIMARY KEY (account_id, label)
) WITHOUT ROWID;
CREATE UNIQUE INDEX account_labels_bit ON account_labels (account_id, bit) WHERE bit IS NOT NULL;

ALTER TABLE message_cache ADD COLUMN label_bits INTEGER NOT NULL DEFAULT 0;

INSERT INTO account_labels (account_id, label, bit)
SELECT account_id, label, CASE WHEN rank <= 53 THEN rank - 1 END
FROM (
  SELECT m.account_id, j.value AS label,
    row_number() OVER (PARTITION BY m.account_id ORDER BY min(m.id), j.value) AS rank
  FROM message_cache m, json_each(m.labels) j
  GROUP BY m.account_id, j.value
);

UPDATE message_cache SET label_bits = (
  SELECT coalesce(sum(DISTINCT 1 << a.bit), 0)
  FROM json_each(message_cache.labels) j
  JOIN account_labels a ON a.account_id = message_cache.account_id AND a.label = j.value
  WHERE a.bit IS NOT NULL
)
WHERE labels <> '[]';

DROP TABLE message_labels;

DROP INDEX message_cache_time;
CREATE INDEX message_cache_time ON message_cache (account_id, time, label_bits);
