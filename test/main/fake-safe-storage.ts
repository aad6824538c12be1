import type { SafeStorageAdapter } from '../../electron/main/vault.ts';

/** A stand-in for Electron's safeStorage: a reversible transform, so ciphertext never equals the secret. */
export function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageAdapter {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(text.slice(7), 'hex').toString();
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}
