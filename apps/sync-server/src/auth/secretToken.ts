import { createHash, randomBytes } from 'node:crypto';

/**
 * Session ids, API tokens, sync tickets and invitation links are 256-bit random secrets. Only their
 * SHA-256 is stored, so a leaked database does not leak usable credentials; the secrets are
 * random, so a fast hash is enough (no salt or stretching needed, unlike passwords).
 */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
