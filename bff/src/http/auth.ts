import jwt from 'jsonwebtoken';
import type { Middleware } from 'koa';
import { Role } from '@omni/shared-types';
import type { AppState, Principal } from './context';
import { ForbiddenError, UnauthenticatedError } from './errors';

/** Signs and verifies HS256 bearer tokens. */
export class TokenService {
  constructor(private readonly deps: { secret: string; ttlS: number }) {}

  /** A signed token for `p` and its expiry. */
  sign(p: Principal): { token: string; expiresAt: Date } {
    const token = jwt.sign({ role: p.role, sid: p.storeId, cid: p.courierId }, this.deps.secret, {
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
    };
  }
}

/** Reads `Authorization: Bearer` (or nothing); sets `ctx.state.principal` when valid. */
export function authenticate(tokens: TokenService): Middleware<AppState> {
  return async (ctx, next) => {
    const header = ctx.get('Authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new UnauthenticatedError('TOKEN_INVALID', '登录凭证格式错误');
      ctx.state.principal = tokens.verify(m[1]);
    }
    await next();
  };
}

/** Requires a logged-in caller with one of `roles` (any role when empty). */
export function requireRole(...roles: Role[]): Middleware<AppState> {
  return async (ctx, next) => {
    const p = ctx.state.principal;
    if (!p) throw new UnauthenticatedError();
    if (roles.length && !roles.includes(p.role)) throw new ForbiddenError();
    await next();
  };
}

/** The caller, or 401; for handlers behind `requireRole`. */
export function principalOf(state: AppState): Principal {
  if (!state.principal) throw new UnauthenticatedError();
  return state.principal;
}
