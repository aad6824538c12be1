/** PKCE (RFC 7636) with S256, and the random `state` that ties a redirect to its request. */
import { createHash, randomBytes } from 'node:crypto';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function createPkce(): Pkce {
  // 32 random bytes → 43 base64url characters, the shortest verifier RFC 7636 allows.
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function createState(): string {
  return randomBytes(16).toString('base64url');
}
