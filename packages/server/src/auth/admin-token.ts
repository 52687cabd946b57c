import type { Store } from '@flakestorm/store';
import { generateToken, hashToken } from './tokens.js';

/** How the admin token was set up on this start. */
export interface AdminTokenSetup {
  /** The hash from FLAKESTORM_ADMIN_TOKEN, checked without being stored. */
  envHash?: string;
  /** A token generated now: shown once (`admin token: TOKEN`) and never again. */
  generated?: string;
  /** True when some admin credential existed before this start (env or store). */
  configured: boolean;
}

/**
 * FLAKESTORM_ADMIN_TOKEN wins; otherwise the first start generates a token and stores only its hash.
 * Later starts find the hash and print nothing.
 */
export async function setupAdminToken(store: Store, envToken: string | undefined): Promise<AdminTokenSetup> {
  if (envToken && envToken.trim() !== '') return { envHash: hashToken(envToken.trim()), configured: true };
  if ((await store.countApiTokens('admin')) > 0) return { configured: true };
  const token = generateToken();
  await store.createApiToken({
    name: 'admin (generated on first start)',
    role: 'admin',
    tokenHash: hashToken(token),
  });
  return { generated: token, configured: false };
}
