import { z } from 'zod';
import { accountSettingsSchema } from '../../../shared/contract.ts';
import type { Account, AccountSettings, SyncState } from '../../../shared/domain.ts';
import { DEFAULT_ACCOUNT_SETTINGS } from '../../../shared/domain.ts';
import { BriefError } from '../../../shared/errors.ts';
import { isConstraintError } from '../db/storage-errors.ts';
import type { Store } from '../db/store.ts';
import type { TimedStatement } from '../db/timed-statement.ts';
import { LearnedQuotaStore } from './learned-quota.ts';

interface AccountRow {
  id: number;
  address: string;
  provider: Account['provider'];
  identities: string;
  history_id: string | null;
  data_version: number;
  sync_state: SyncState;
  last_sync_at: string | null;
  mailbox_total: number | null;
  derived_as_of: number | null;
  derived_any_sent: number | null;
  settings: string;
  created_at: string;
}

/** The bookkeeping columns written one at a time. */
type AccountField = 'settings' | 'sync_state' | 'history_id' | 'mailbox_total' | 'last_sync_at';

/** An account as stored: the domain account plus the coverage total the sync records. */
export interface StoredAccount extends Account {
  mailboxTotal: number | null;
  /** The as-of instant (ms) the stored derivations were computed with; null before the first. */
  derivedAsOf: number | null;
  /**
   * Whether a message had the SENT label when they were: null when unknown (never derived, or
   * identities or the spam/trash setting changed since), which asks for a whole-account derivation.
   */
  derivedAnySent: boolean | null;
}

export interface CreateAccountInput {
  address: string;
  provider: Account['provider'];
  identities?: readonly string[];
  settings?: Partial<AccountSettings>;
}

/** Addresses are compared and stored in lower case (the contract checked their shape). */
const normal = (address: string) => address.trim().toLowerCase();

/**
 * Settings as read back from the database: a field an older or damaged row holds in a shape this
 * version does not read falls back to its default instead of making the account unreadable.
 */
const { shape } = accountSettingsSchema;
const storedSettingsSchema = z
  .object({
    quotaProfile: shape.quotaProfile.optional().catch(undefined),
    includeSpamTrash: shape.includeSpamTrash.optional().catch(undefined),
    keepRawData: shape.keepRawData.optional().catch(undefined),
    workingHours: shape.workingHours.optional().catch(undefined),
  })
  .catch({});

function readSettings(json: string): AccountSettings {
  const stored = Object.entries(storedSettingsSchema.parse(JSON.parse(json)));
  return {
    ...DEFAULT_ACCOUNT_SETTINGS,
    ...Object.fromEntries(stored.filter(([, value]) => value !== undefined)),
  };
}

/** `identities` lists the account address first, then the confirmed aliases. */
function toAccount(row: AccountRow): StoredAccount {
  const aliases = JSON.parse(row.identities) as string[];
  return {
    id: row.id,
    address: row.address,
    provider: row.provider,
    identities: [row.address.toLowerCase(), ...aliases],
    historyId: row.history_id,
    dataVersion: row.data_version,
    syncState: row.sync_state,
    lastSyncAt: row.last_sync_at,
    mailboxTotal: row.mailbox_total,
    derivedAsOf: row.derived_as_of,
    derivedAnySent: row.derived_any_sent === null ? null : row.derived_any_sent === 1,
    settings: readSettings(row.settings),
    createdAt: row.created_at,
  };
}

/** The `accounts` table: connected mailboxes, their identities, settings and sync bookkeeping. */
export class AccountService {
  /** The Gmail quota each account's sync found by itself (forgotten with the account). */
  readonly learnedQuota: LearnedQuotaStore;
  readonly #store: Store;
  readonly #sql;
  readonly #updates: Record<AccountField, TimedStatement>;

  constructor(store: Store) {
    this.#store = store;
    this.learnedQuota = new LearnedQuotaStore(store);
    this.#sql = {
      byId: store.prepare<AccountRow>('SELECT * FROM accounts WHERE id = ?'),
      all: store.prepare<AccountRow>('SELECT * FROM accounts ORDER BY id'),
      byAddress: store.prepare<AccountRow>('SELECT * FROM accounts WHERE address = ? ORDER BY id'),
      insert: store.prepare<AccountRow>(
        `INSERT INTO accounts (address, provider, identities, settings, created_at, updated_at)
         VALUES (@address, @provider, @identities, @settings, @now, @now) RETURNING *`,
      ),
      // Identities decide every message's direction and the threads' participants: derive it all again.
      identities: store.prepare(
        `UPDATE accounts SET identities = @identities, data_version = data_version + 1, derived_any_sent = NULL,
           updated_at = @now WHERE id = @id`,
      ),
      derived: store.prepare(
        'UPDATE accounts SET derived_as_of = @asOf, derived_any_sent = @anySent, updated_at = @now WHERE id = @id',
      ),
      forgetDerivation: store.prepare('UPDATE accounts SET derived_any_sent = NULL WHERE id = ?'),
      forgetAnalytics: store.prepare("DELETE FROM analytics_cache WHERE account_key IN (@key, 'all')"),
      remove: store.prepare('DELETE FROM accounts WHERE id = ?'),
    };
    const fieldUpdate = (column: AccountField) =>
      store.prepare(`UPDATE accounts SET ${column} = @value, updated_at = @now WHERE id = @id`);
    this.#updates = {
      settings: fieldUpdate('settings'),
      sync_state: fieldUpdate('sync_state'),
      history_id: fieldUpdate('history_id'),
      mailbox_total: fieldUpdate('mailbox_total'),
      last_sync_at: fieldUpdate('last_sync_at'),
    };
  }

  createAccount(input: CreateAccountInput): StoredAccount {
    const request = { ...input, address: normal(input.address) };
    const settings = { ...DEFAULT_ACCOUNT_SETTINGS, ...input.settings };
    const aliases = [...new Set((input.identities ?? []).map(normal))].filter(
      (alias) => alias !== request.address,
    );
    try {
      const row = this.#sql.insert.get({
        address: request.address,
        provider: request.provider,
        identities: JSON.stringify(aliases),
        settings: JSON.stringify(settings),
        now: this.#store.nowIso(),
      });
      return toAccount(row!);
    } catch (error) {
      if (isConstraintError(error, 'UNIQUE')) {
        throw new BriefError(
          'CONFLICT',
          `${request.address} is already connected as a ${request.provider} account.`,
        );
      }
      throw error;
    }
  }

  /**
   * The account for this address and provider, created when there is none, with these aliases
   * added: one write transaction, so two processes importing for the same new address at once
   * end with one account and neither is refused.
   */
  ensureAccount(
    address: string,
    provider: Account['provider'],
    aliases: readonly string[] = [],
  ): StoredAccount {
    return this.#store.transaction(() => {
      const account = this.findByAddress(address, provider) ?? this.createAccount({ address, provider });
      for (const alias of aliases) {
        if (!account.identities.includes(alias.toLowerCase())) this.addIdentity(account.id, alias);
      }
      return this.getAccount(account.id);
    });
  }

  getAccount(id: number): StoredAccount {
    return toAccount(this.#row(id));
  }

  listAccounts(): StoredAccount[] {
    return this.#sql.all.all().map(toAccount);
  }

  findByAddress(address: string, provider?: Account['provider']): StoredAccount | null {
    const row = this.#sql.byAddress
      .all(normal(address))
      .find((candidate) => provider === undefined || candidate.provider === provider);
    return row ? toAccount(row) : null;
  }

  /** Adds an alias; direction and echo depend on identities, so the data version moves. */
  addIdentity(id: number, address: string): StoredAccount {
    const alias = normal(address);
    return this.#editIdentities(id, (row, aliases) =>
      alias === row.address.toLowerCase() || aliases.includes(alias) ? null : [...aliases, alias],
    );
  }

  removeIdentity(id: number, address: string): StoredAccount {
    const alias = normal(address);
    return this.#editIdentities(id, (row, aliases) => {
      if (alias === row.address.toLowerCase()) {
        throw new BriefError(
          'VALIDATION',
          'The account address is always one of your identities; it cannot be removed.',
        );
      }
      return aliases.includes(alias) ? aliases.filter((existing) => existing !== alias) : null;
    });
  }

  getSettings(id: number): AccountSettings {
    return readSettings(this.#row(id).settings);
  }

  updateSettings(accountId: number, patch: Partial<AccountSettings>): AccountSettings {
    return this.#store.transaction(() => {
      const before = this.getSettings(accountId);
      const merged = { ...before, ...patch };
      this.#set(accountId, 'settings', JSON.stringify(merged));
      // Whether spam and trash count decides which messages are threaded: derive it all again.
      if (merged.includeSpamTrash !== before.includeSpamTrash) this.#sql.forgetDerivation.run(accountId);
      return merged;
    });
  }

  setSyncState(id: number, state: SyncState): void {
    this.#set(id, 'sync_state', state);
  }

  setHistoryId(id: number, historyId: string | null): void {
    this.#set(id, 'history_id', historyId);
  }

  setMailboxTotal(id: number, total: number | null): void {
    this.#set(id, 'mailbox_total', total);
  }

  markSynced(id: number, at: number = this.#store.clock()): void {
    this.#set(id, 'last_sync_at', new Date(at).toISOString());
  }

  /** Records the as-of instant the account's derivations were just computed with, and whether a message had the SENT label. */
  setDerived(accountId: number, asOfMs: number, anySent: boolean): void {
    this.#row(accountId);
    this.#sql.derived.run({
      id: accountId,
      asOf: asOfMs,
      anySent: anySent ? 1 : 0,
      now: this.#store.nowIso(),
    });
  }

  getDataVersion(id: number): number {
    return this.#row(id).data_version;
  }

  /** Deletes the account with its jobs, messages and labels (cascade) and the analytics computed from it. */
  forgetAccount(accountId: number): void {
    this.#store.transaction(() => {
      this.#row(accountId);
      this.#sql.forgetAnalytics.run({ key: String(accountId) });
      this.learnedQuota.forget(accountId);
      this.#sql.remove.run(accountId);
    });
  }

  #editIdentities(
    accountId: number,
    edit: (row: AccountRow, aliases: string[]) => string[] | null,
  ): StoredAccount {
    return this.#store.transaction(() => {
      const row = this.#row(accountId);
      const next = edit(row, JSON.parse(row.identities) as string[]);
      if (next !== null) {
        this.#sql.identities.run({
          id: accountId,
          identities: JSON.stringify(next),
          now: this.#store.nowIso(),
        });
      }
      return toAccount(this.#row(accountId));
    });
  }

  #set(accountId: number, column: AccountField, value: unknown): void {
    this.#row(accountId);
    this.#updates[column].run({ id: accountId, value, now: this.#store.nowIso() });
  }

  #row(accountId: number): AccountRow {
    const row = this.#sql.byId.get(accountId);
    if (!row)
      throw new BriefError(
        'NOT_FOUND',
        `Account ${accountId} does not exist; it may have been removed. Reconnect it first.`,
      );
    return row;
  }
}
