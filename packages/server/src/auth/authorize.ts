import type { Store } from '@flakestorm/store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, sameHash } from './tokens.js';

/** Who is calling, once authenticated. Teams and roles extend this in one place. */
export interface Principal {
  tokenId: string;
  role: 'admin';
  workspace: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The single authorisation point: every /api route passes through it. */
export function createAuthorizer(store: Store, envHash: string | undefined) {
  return async function authorize(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({
          error: {
            code: 'FLAKESTORM_UNAUTHORIZED',
            message:
              'Send Authorization: Bearer <token>. The admin token was printed when the server first started, or is FLAKESTORM_ADMIN_TOKEN.',
          },
        });
      return;
    }
    const hash = hashToken(match[1]);
    if (envHash && sameHash(hash, envHash)) {
      request.principal = { tokenId: 'env', role: 'admin', workspace: 'default' };
      return;
    }
    const token = await store.findApiToken(hash);
    if (!token) {
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer error="invalid_token"')
        .send({
          error: { code: 'FLAKESTORM_UNAUTHORIZED', message: 'That token is not valid.' },
        });
      return;
    }
    request.principal = { tokenId: token.id, role: 'admin', workspace: 'default' };
  };
}
