-- The last brief delivered per account (docs/metrics.md "New since the last brief"): when, and the
-- threads it listed as waiting on you (a JSON array of the account's thread keys). A thread waiting
-- on you that this list lacks is new. Forgetting the account forgets its mark.
CREATE TABLE brief_marks (
  account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  seen_at TEXT NOT NULL,
  threads TEXT NOT NULL DEFAULT '[]'
);
