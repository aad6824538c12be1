import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TokenVault } from '../../electron/main/vault.ts';
import { fakeSafeStorage } from './fake-safe-storage.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'brief-vault-'));
const SECRET = '1//0gRefreshTokenThatMustNeverAppearInPlainText';

describe('token vault', () => {
  it('stores refresh tokens encrypted, readable only by the user', () => {
    const path = join(folder(), 'tokens.vault');
    const vault = new TokenVault({ path, safeStorage: fakeSafeStorage(), platform: 'linux' });
    vault.set('Person@Example.com', { refreshToken: SECRET, scope: 'gmail.metadata' }, 1000);
    expect(readFileSync(path, 'utf8')).not.toContain(SECRET);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const reopened = new TokenVault({ path, safeStorage: fakeSafeStorage(), platform: 'linux' });
    expect(reopened.get('person@example.com')).toEqual({
      refreshToken: SECRET,
      scope: 'gmail.metadata',
      savedAt: 1000,
    });
    expect(reopened.addresses()).toEqual(['person@example.com']);
  });

  it('refuses Linux plain-text storage with a sentence saying what to do', () => {
    const vault = new TokenVault({
      path: join(folder(), 'tokens.vault'),
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }),
      platform: 'linux',
    });
    expect(() => vault.set('a@example.com', { refreshToken: SECRET, scope: 's' })).toThrow(
      /GNOME Keyring or KWallet/,
    );
    try {
      vault.assertUsable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'AUTH_REQUIRED' });
    }
    // basic_text is a Linux backend name; elsewhere the OS keychain is used whatever it reports.
    const mac = new TokenVault({
      path: join(folder(), 'tokens.vault'),
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }),
      platform: 'darwin',
    });
    expect(() => mac.assertUsable()).not.toThrow();
  });

  it('refuses when encryption is unavailable', () => {
    const vault = new TokenVault({
      path: join(folder(), 'tokens.vault'),
      safeStorage: fakeSafeStorage({ available: false }),
      platform: 'win32',
    });
    expect(() => vault.assertUsable()).toThrow(/no secure storage/);
  });

  it('forgets an account: its token is gone from the file', () => {
    const path = join(folder(), 'tokens.vault');
    const vault = new TokenVault({ path, safeStorage: fakeSafeStorage(), platform: 'linux' });
    vault.set('a@example.com', { refreshToken: SECRET, scope: 's' });
    vault.set('b@example.com', { refreshToken: 'other-token', scope: 's' });
    expect(vault.remove('A@example.com')).toBe(true);
    expect(vault.remove('a@example.com')).toBe(false);
    expect(vault.get('a@example.com')).toBeNull();
    expect(vault.has('b@example.com')).toBe(true);
    expect(readFileSync(path, 'utf8')).not.toContain(Buffer.from(SECRET).toString('hex'));
  });

  it('reports a damaged vault instead of overwriting it, and a token sealed by another keychain', () => {
    const path = join(folder(), 'tokens.vault');
    writeFileSync(path, '{not json');
    const vault = new TokenVault({ path, safeStorage: fakeSafeStorage(), platform: 'linux' });
    expect(() => vault.get('a@example.com')).toThrow(expect.objectContaining({ code: 'CORRUPT_STORE' }));
    writeFileSync(path, JSON.stringify({ version: 1, entries: { 'a@example.com': 'Zm9yZWlnbg==' } }));
    expect(() => vault.get('a@example.com')).toThrow(expect.objectContaining({ code: 'AUTH_REQUIRED' }));
  });
});
