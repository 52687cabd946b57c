import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 of a token, hex: what the store keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random API token (256 bits), prefixed so leaked tokens are recognisable by secret scanners. */
export function generateToken(): string {
  return `fst_${randomBytes(32).toString('base64url')}`;
}

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
