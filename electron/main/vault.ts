/**
 * The token vault: each Gmail account's refresh token, encrypted with Electron's `safeStorage`
 * (the OS keychain's key), in one file in the app's data folder readable only by the user. A
 * system that offers only plain-text storage (Linux without a keyring: backend `basic_text`) is
 * refused instead of silently keeping tokens readable. No Electron import: `safeStorage` is
 * passed in, so tests use a stand-in. It is the engine's RefreshTokenVault for the app, as the
 * CLI's plain file vault (FileVault) is for the command line.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BriefError } from '../../shared/errors.ts';
import { makeFolder, type RefreshTokenVault } from '../engine/index.ts';

/** The part of Electron's `safeStorage` the vault uses. */
export interface SafeStorageAdapter {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown'. */
  getSelectedStorageBackend?(): string;
}

export interface StoredGrant {
  refreshToken: string;
  scope: string;
  /** Epoch ms. */
  savedAt: number;
}

interface VaultFile {
  version: 1;
  /** Lower-cased address → base64 of the encrypted JSON of a StoredGrant. */
  entries: Record<string, string>;
}

export interface TokenVaultOptions {
  path: string;
  safeStorage: SafeStorageAdapter;
  platform?: NodeJS.Platform;
}

const keyOf = (address: string) => address.trim().toLowerCase();

export class TokenVault implements RefreshTokenVault {
  readonly #path: string;
  readonly #safe: SafeStorageAdapter;
  readonly #platform: NodeJS.Platform;

  constructor(options: TokenVaultOptions) {
    this.#path = options.path;
    this.#safe = options.safeStorage;
    this.#platform = options.platform ?? process.platform;
  }

  /** Throws (with what to do) when tokens could not be stored encrypted on this system. */
  assertUsable(): void {
    if (!this.#safe.isEncryptionAvailable()) {
      throw new BriefError(
        'AUTH_REQUIRED',
        'This computer offers no secure storage for your Google sign-in, so Gmail cannot be connected. Unlock or install the system keychain (on Linux: GNOME Keyring or KWallet) and try again.',
      );
    }
    if (this.#platform === 'linux' && this.#safe.getSelectedStorageBackend?.() === 'basic_text') {
      throw new BriefError(
        'AUTH_REQUIRED',
        'On this Linux desktop only plain-text storage is available, so 360Brief will not keep your Google sign-in here. Install and unlock GNOME Keyring or KWallet (or start 360Brief with --password-store=gnome-libsecret), then connect again.',
      );
    }
  }

  set(address: string, grant: Omit<StoredGrant, 'savedAt'>, now = Date.now()): void {
    this.assertUsable();
    const file = this.#read();
    const stored: StoredGrant = { ...grant, savedAt: now };
    file.entries[keyOf(address)] = this.#safe.encryptString(JSON.stringify(stored)).toString('base64');
    this.#write(file);
  }

  get(address: string): StoredGrant | null {
    const sealed = this.#read().entries[keyOf(address)];
    if (sealed === undefined) return null;
    this.assertUsable();
    try {
      return JSON.parse(this.#safe.decryptString(Buffer.from(sealed, 'base64'))) as StoredGrant;
    } catch (error) {
      throw new BriefError(
        'AUTH_REQUIRED',
        `The saved Google sign-in for ${address} can no longer be read on this computer (the keychain changed). Connect the account again with Connect Gmail.`,
        { cause: error },
      );
    }
  }

  has(address: string): boolean {
    return Object.hasOwn(this.#read().entries, keyOf(address));
  }

  addresses(): string[] {
    return Object.keys(this.#read().entries).sort();
  }

  /** "Forget account": the token is gone from disk; returns whether there was one. */
  remove(address: string): boolean {
    const file = this.#read();
    const key = keyOf(address);
    if (!Object.hasOwn(file.entries, key)) return false;
    delete file.entries[key];
    this.#write(file);
    return true;
  }

  #read(): VaultFile {
    if (!existsSync(this.#path)) return { version: 1, entries: {} };
    try {
      const value = JSON.parse(readFileSync(this.#path, 'utf8')) as Partial<VaultFile>;
      if (value.version === 1 && value.entries && typeof value.entries === 'object')
        return { version: 1, entries: { ...value.entries } };
    } catch {
      // Fall through: a damaged vault is reported, never overwritten silently.
    }
    throw new BriefError(
      'CORRUPT_STORE',
      `The token vault ${this.#path} is damaged. Delete it and reconnect your Gmail accounts.`,
    );
  }

  #write(file: VaultFile): void {
    makeFolder(dirname(this.#path));
    // Write beside, then rename: a crash never leaves half a vault.
    const temporary = `${this.#path}.tmp`;
    writeFileSync(temporary, JSON.stringify(file), { mode: 0o600 });
    renameSync(temporary, this.#path);
  }
}
