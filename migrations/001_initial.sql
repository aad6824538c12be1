-- 360Brief store, version 1: accounts, the job queue, the message cache, the analytics cache,
-- settings. Applied by electron/engine/db/migrate.ts inside one transaction.
-- Times are stored as ISO 8601 UTC text with milliseconds ('…Z') for bookkeeping columns, and as
-- integer milliseconds since the epoch for message times (they are compared and bucketed).

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  address TEXT NOT NULL COLLATE NOCASE,
  provider TEXT NOT NULL CHECK (provider IN ('gmail', 'import', 'demo')),
  -- JSON array of the user's confirmed aliases (the account address is always an identity).
  identities TEXT NOT NULL DEFAULT '[]',
  history_id TEXT,
  data_version INTEGER NOT NULL DEFAULT 0,
  sync_state TEXT NOT NULL DEFAULT 'idle',
  last_sync_at TEXT,
  -- Gmail's messagesTotal less SPAM/TRASH totals when those are off; null for imported mail.
  mailbox_total INTEGER,
  settings TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (address, provider)
);

CREATE TABLE analytics_jobs (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('fetch_messages', 'sync_history', 'import_mail', 'compute_analytics', 'warm_cache', 'cleanup')),
  account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'cancelled', 'paused')),
  progress_current INTEGER NOT NULL DEFAULT 0 CHECK (progress_current >= 0),
  progress_total INTEGER CHECK (progress_total IS NULL OR progress_total >= 0),
  step TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  run_after TEXT,
  lease_owner TEXT,
  lease_expires_at TEXT,
  metadata TEXT NOT NULL DEFAULT '{}',
  error_code TEXT,
  error_message TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  started_at TEXT,
  finished_at TEXT
);
CREATE INDEX analytics_jobs_claim ON analytics_jobs (status, run_after, id);
CREATE INDEX analytics_jobs_account ON analytics_jobs (account_id, type, status);
CREATE INDEX analytics_jobs_lease ON analytics_jobs (status, lease_expires_at);
CREATE INDEX analytics_jobs_finished ON analytics_jobs (finished_at) WHERE finished_at IS NOT NULL;
-- Only one sync job (first or incremental) may be pending, running or paused per account.
CREATE UNIQUE INDEX analytics_jobs_one_sync ON analytics_jobs (account_id)
  WHERE type IN ('fetch_messages', 'sync_history') AND status IN ('pending', 'processing', 'paused');

CREATE TABLE message_cache (
  id INTEGER PRIMARY KEY, -- storage order: ties in time are broken by it
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  provider TEXT NOT NULL,
  provider_id TEXT NOT NULL,
  provider_thread_id TEXT,
  message_id TEXT,
  in_reply_to TEXT NOT NULL DEFAULT '[]', -- JSON array
  refs TEXT NOT NULL DEFAULT '[]',        -- JSON array
  time INTEGER,                           -- ms since epoch; null = no time
  from_addr TEXT,
  from_name TEXT,
  sender TEXT,
  sender_name TEXT,
  to_addrs TEXT NOT NULL DEFAULT '[]',    -- JSON arrays of normalised addresses
  cc_addrs TEXT NOT NULL DEFAULT '[]',
  bcc_addrs TEXT NOT NULL DEFAULT '[]',
  reply_to TEXT NOT NULL DEFAULT '[]',
  subject TEXT,
  subject_key TEXT NOT NULL DEFAULT '',
  labels TEXT NOT NULL DEFAULT '[]',      -- JSON array of label ids
  list_post TEXT,
  has_list_post INTEGER NOT NULL DEFAULT 0,
  unsubscribe TEXT,
  automated INTEGER NOT NULL DEFAULT 0,
  size INTEGER NOT NULL DEFAULT 0,
  content_key TEXT,
  -- Derived per account (mail model): recomputed after each batch and when identities change.
  counted INTEGER NOT NULL DEFAULT 1,
  direction TEXT NOT NULL DEFAULT 'received' CHECK (direction IN ('sent', 'received')),
  echo INTEGER NOT NULL DEFAULT 0,
  thread_key TEXT,
  raw_data BLOB,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (account_id, provider, provider_id)
);
CREATE INDEX message_cache_time ON message_cache (account_id, time);
CREATE INDEX message_cache_sender ON message_cache (account_id, sender, time);
CREATE INDEX message_cache_thread ON message_cache (account_id, thread_key, time);
CREATE INDEX message_cache_provider_thread ON message_cache (account_id, provider_thread_id);
CREATE INDEX message_cache_message_id ON message_cache (account_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX message_cache_content_key ON message_cache (account_id, content_key) WHERE content_key IS NOT NULL;

-- One row per (message, label): serves range + label queries through an index.
CREATE TABLE message_labels (
  message_rowid INTEGER NOT NULL REFERENCES message_cache (id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL,
  label TEXT NOT NULL,
  time INTEGER,
  PRIMARY KEY (message_rowid, label)
) WITHOUT ROWID;
CREATE INDEX message_labels_label_time ON message_labels (account_id, label, time);

CREATE TABLE analytics_cache (
  key TEXT PRIMARY KEY,
  account_key TEXT NOT NULL, -- the account id, or 'all'
  value TEXT NOT NULL,       -- JSON
  data_version TEXT NOT NULL, -- the data version(s) it was computed from
  compute_ms REAL NOT NULL DEFAULT 0,
  computed_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  hit_count INTEGER NOT NULL DEFAULT 0,
  last_hit_at TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX analytics_cache_account ON analytics_cache (account_key);
CREATE INDEX analytics_cache_expires ON analytics_cache (expires_at);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL, -- JSON
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Timestamps kept by triggers, so no writer can forget them.
CREATE TRIGGER accounts_touch AFTER UPDATE ON accounts FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE accounts SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER analytics_jobs_touch AFTER UPDATE ON analytics_jobs FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE analytics_jobs SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER message_cache_touch AFTER UPDATE ON message_cache FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE message_cache SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER analytics_cache_touch AFTER UPDATE ON analytics_cache FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE analytics_cache SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE key = NEW.key; END;
CREATE TRIGGER settings_touch AFTER UPDATE ON settings FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE settings SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE key = NEW.key; END;
