import type { ParameterizedContext } from 'koa';
import type { RouterContext } from '@koa/router';
import type { Role } from '@omni/shared-types';

/** Which table a principal's `userId` is a row of: `users` (WeChat, dev login) or `admin_users`. */
export type PrincipalKind = 'wechat' | 'backoffice';

/** Who is calling, read from a verified token. */
export interface Principal {
  /** A `users` id, or an `admin_users` id when `kind` is 'backoffice' (never a consumer's id then). */
  userId: number;
  role: Role;
  storeId: number | null;
  courierId: number | null;
  /** Absent means 'wechat' (principals built before back-office logins existed). */
  kind?: PrincipalKind;
  /** The token version the token was issued with (absent: 0). */
  tokenVersion?: number;
}

/** Per-request state set by middleware. */
export interface AppState {
  requestId: string;
  principal?: Principal;
}

/** The Koa context every handler sees. */
export type AppContext = ParameterizedContext<AppState> & RouterContext<AppState>;
