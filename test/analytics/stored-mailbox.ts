import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AnalyticsMessage } from '../../electron/engine/analytics/index.ts';
import { silentLogger } from '../../electron/engine/db/logger.ts';
import { migrate } from '../../electron/engine/db/migrate.ts';
import { loadMigrations } from '../../electron/engine/db/migrations.ts';
import { Store } from '../../electron/engine/db/store.ts';
import { ROOT } from '../paths.ts';

/**
 * Fresh stores over the current schema (every migration) with two accounts (1: Gmail with an alias, 2: import);
 * `close` removes them. The analytics read through the store layer, as the engine's do.
 */
export function storedMailboxes() {
  const folders: string[] = [];
  const databases: Database.Database[] = [];
  return {
    fresh(): Store {
      const folder = mkdtempSync(join(tmpdir(), 'brief-analytics-'));
      folders.push(folder);
      const path = join(folder, 'brief.db');
      const db = new Database(path);
      databases.push(db);
      migrate(db, loadMigrations(join(ROOT, 'migrations')), path, silentLogger);
      db.prepare(
        "INSERT INTO accounts (id, address, provider, identities) VALUES (1, 'me@example.com', 'gmail', '[\"me@alias.example\"]')",
      ).run();
      db.prepare(
        "INSERT INTO accounts (id, address, provider) VALUES (2, 'me@work.example', 'import')",
      ).run();
      return new Store(db, path, Date.now, {
        logger: silentLogger,
        timer: () => performance.now(),
        slowQueryMs: 40,
        path,
      });
    },
    close(): void {
      for (const db of databases.splice(0)) db.close();
      for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Stores an analytics message as a message_cache row. */
export function store(db: Store, m: AnalyticsMessage): void {
  db.prepare(
    `INSERT INTO message_cache (id, account_id, provider, provider_id, provider_thread_id, message_id, in_reply_to, refs,
       time, from_addr, from_name, sender, sender_name, to_addrs, cc_addrs, bcc_addrs, reply_to, subject, subject_key,
       labels, list_post, has_list_post, unsubscribe, automated, size, content_key, counted, direction, echo, thread_key)
     VALUES (?, ?, 'gmail', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    m.rowId,
    m.accountId,
    m.providerId,
    m.providerThreadId,
    m.messageId,
    JSON.stringify(m.inReplyTo),
    JSON.stringify(m.references),
    m.time,
    m.from,
    m.fromName,
    m.sender,
    m.senderName,
    JSON.stringify(m.to),
    JSON.stringify(m.cc),
    JSON.stringify(m.bcc),
    JSON.stringify(m.replyTo),
    m.subject,
    m.subjectKey,
    JSON.stringify(m.labels),
    m.listPost,
    m.hasListPost ? 1 : 0,
    m.unsubscribe,
    m.automated ? 1 : 0,
    m.size,
    m.contentKey,
    m.counted ? 1 : 0,
    m.direction,
    m.echo ? 1 : 0,
    m.threadKey,
  );
}
