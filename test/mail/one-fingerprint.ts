import type { KeyDigest } from '../../electron/engine/mail/fingerprint-table.ts';

/** Every key gets the same fingerprint and segment: the duplicate merger must confirm each candidate. */
export const ONE_FINGERPRINT: KeyDigest = (_key, into) => {
  into[0] = 0x5eed;
  into[1] = 0;
};
