import type { ParameterizedContext } from 'koa';
import type { RouterContext } from '@koa/router';
import type { Role } from '@omni/shared-types';

/** Who is calling, read from a verified token. */
export interface Principal {
  userId: number;
  role: Role;
  storeId: number | null;
  courierId: number | null;
}

/** Per-request state set by middleware. */
export interface AppState {
  requestId: string;
  principal?: Principal;
}

/** The Koa context every handler sees. */
export type AppContext = ParameterizedContext<AppState> & RouterContext<AppState>;
