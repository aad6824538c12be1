/**
 * The CLI's token vault: one JSON file in the data folder, mode 0600 (readable only by the user),
 * holding a refresh token per account address. The app keeps its vault in the main process,
 * encrypted with `safeStorage`; this one is for the command line.
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BriefError } from '../../../shared/errors.ts';
import { makeFolder } from '../db/make-folder.ts';

export interface VaultEntry {
  refreshToken: string;
  scope: string;
}

export interface RefreshTokenVault {
  get(address: string): VaultEntry | null;
  set(address: string, entry: VaultEntry): void;
  remove(address: string): void;
}

export class FileVault implements RefreshTokenVault {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  get(address: string): VaultEntry | null {
    return this.#read()[address.toLowerCase()] ?? null;
  }

  set(address: string, entry: VaultEntry): void {
    this.#write({ ...this.#read(), [address.toLowerCase()]: entry });
  }

  /** The addresses with a stored refresh token (to reconnect accounts after a damaged database). */
  addresses(): string[] {
    return Object.keys(this.#read()).sort();
  }

  /** Deletes the address's token; a vault without it is left as it is (none is created). */
  remove(address: string): void {
    const entries = this.#read();
    const key = address.toLowerCase();
    if (!Object.hasOwn(entries, key)) return;
    delete entries[key];
    this.#write(entries);
  }

  #read(): Record<string, VaultEntry> {
    if (!existsSync(this.path)) return {};
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, VaultEntry>;
    } catch (error) {
      throw new BriefError(
        'CORRUPT_STORE',
        `The token vault ${this.path} cannot be read; delete it and reconnect your accounts.`,
        { cause: error },
      );
    }
  }

  /** Written to a private temporary file and renamed, so a crash never leaves half a vault. */
  #write(entries: Record<string, VaultEntry>): void {
    makeFolder(dirname(this.path));
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.path);
  }
}
