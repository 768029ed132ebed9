import jwt from 'jsonwebtoken';
import type { Middleware } from 'koa';
import { Role } from '@omni/shared-types';
import type { AppState, Principal } from './context';
import { UnauthenticatedError } from './errors';

/** Says whether a verified token's version is still the current one of its identity. */
export interface TokenVersionCheck {
  /** Throws 401 TOKEN_REVOKED when the identity is gone, disabled or its token version moved on. */
  assertCurrent(p: Principal): Promise<void>;
}

/** Signs and verifies HS256 bearer tokens. */
export class TokenService {
  constructor(private readonly deps: { secret: string; ttlS: number; versions?: TokenVersionCheck }) {}

  /** A signed token for `p` and its expiry. */
  sign(p: Principal): { token: string; expiresAt: Date } {
    const claims = {
      role: p.role,
      sid: p.storeId,
      cid: p.courierId,
      tv: p.tokenVersion ?? 0,
      ...(p.kind === 'backoffice' ? { k: 'b' } : {}),
    };
    const token = jwt.sign(claims, this.deps.secret, {
      algorithm: 'HS256',
      subject: String(p.userId),
      expiresIn: this.deps.ttlS,
    });
    const expiresAt = new Date(Date.now() + this.deps.ttlS * 1000);
    return { token, expiresAt };
  }

  /** The principal of a valid token; throws 401 TOKEN_EXPIRED / TOKEN_INVALID otherwise. */
  verify(token: string): Principal {
    let claims: jwt.JwtPayload;
    try {
      const decoded = jwt.verify(token, this.deps.secret, { algorithms: ['HS256'] });
      if (typeof decoded === 'string') throw new Error('string payload');
      claims = decoded;
    } catch (err) {
      if (err instanceof jwt.TokenExpiredError)
        throw new UnauthenticatedError('TOKEN_EXPIRED', '登录已过期，请重新登录');
      throw new UnauthenticatedError('TOKEN_INVALID', '登录凭证无效');
    }
    const role = Role.safeParse(claims.role);
    const userId = Number(claims.sub);
    if (!role.success || !Number.isInteger(userId) || userId <= 0) {
      throw new UnauthenticatedError('TOKEN_INVALID', '登录凭证无效');
    }
    return {
      userId,
      role: role.data,
      storeId: typeof claims.sid === 'number' ? claims.sid : null,
      courierId: typeof claims.cid === 'number' ? claims.cid : null,
      // Tokens issued before token versions existed carry neither claim: WeChat identity, version 0.
      kind: claims.k === 'b' ? 'backoffice' : 'wechat',
      tokenVersion: typeof claims.tv === 'number' ? claims.tv : 0,
    };
  }

  /** `verify`, then the database's word that the token was not revoked since (one lookup by id). */
  async verifyCurrent(token: string): Promise<Principal> {
    const p = this.verify(token);
    await this.deps.versions?.assertCurrent(p);
    return p;
  }
}

/** Reads `Authorization: Bearer` (or nothing); sets `ctx.state.principal` when valid. */
export function authenticate(tokens: TokenService): Middleware<AppState> {
  return async (ctx, next) => {
    const header = ctx.get('Authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new UnauthenticatedError('TOKEN_INVALID', '登录凭证格式错误');
      ctx.state.principal = await tokens.verifyCurrent(m[1]);
    }
    await next();
  };
}

/** The caller, or 401; for handlers of rows that are not public (see permissions.ts). */
export function principalOf(state: AppState): Principal {
  if (!state.principal) throw new UnauthenticatedError();
  return state.principal;
}
