import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { ServerToClientEvents } from '@omni/shared-types';
import type { TokenService } from '../http/auth';
import type { Principal } from '../http/context';
import { AppError } from '../http/errors';
import type { Logger } from '../logger';
import type { RedisConnection } from '../adapters/redis';

/** A connected socket with its verified caller. */
export type AppSocket = Socket<
  Record<string, never>,
  ServerToClientEvents,
  Record<string, never>,
  { principal: Principal; token: string }
>;

/** How often every held socket's token is checked again (a disabled member is dropped by then at the latest). */
const RECHECK_MS = 30_000;

/** Room names: one per user, per store's staff, per courier, per conversation. */
export const rooms = {
  user: (id: number) => `user:${id}`,
  storeStaff: (id: number) => `store:${id}:staff`,
  /** Back-office sockets watching a store's dispatch board (`courier:position`, `dispatch:updated`). */
  storeDispatch: (id: number) => `store:${id}:dispatch`,
  courier: (id: number) => `courier:${id}`,
  conversation: (id: number) => `conversation:${id}`,
  admins: 'admins',
  /** Every staff member (the brand-wide support queue). */
  allStaff: 'staff:all',
};

/**
 * socket.io on the BFF's HTTP server: token in the handshake, rooms by role, and the Redis
 * adapter when REDIS_URL is set so emits reach sockets held by other instances.
 */
export class Realtime {
  private io: Server | null = null;
  private recheckTimer: NodeJS.Timeout | null = null;
  private readonly handlers: Array<(socket: AppSocket) => void> = [];

  constructor(
    private readonly deps: {
      tokens: TokenService;
      log: Logger;
      redis: RedisConnection | null;
      corsOrigins: string[];
      /** Interval of the token re-check of held sockets, ms (default 30 s). */
      recheckMs?: number;
    },
  ) {}

  /** Registers what a module does with each new connection (e.g. chat handlers). */
  onConnection(handler: (socket: AppSocket) => void): void {
    this.handlers.push(handler);
  }

  /** Starts socket.io on `server` (same origin and port as the HTTP API). */
  attach(server: HttpServer): void {
    const io = new Server(server, {
      serveClient: false,
      cors: { origin: this.deps.corsOrigins, credentials: false },
      pingInterval: 20_000,
      pingTimeout: 20_000,
      maxHttpBufferSize: 64 * 1024,
    });
    if (this.deps.redis) io.adapter(createAdapter(this.deps.redis.pub, this.deps.redis.sub));
    io.use((socket, next) => {
      const raw =
        (socket.handshake.auth as { token?: unknown })?.token ?? socket.handshake.headers.authorization;
      const token = typeof raw === 'string' ? raw.replace(/^Bearer\s+/i, '') : '';
      // verifyCurrent: a revoked token (disabled member, changed password) cannot open a socket either.
      (token
        ? this.deps.tokens.verifyCurrent(token)
        : Promise.reject(new AppError(401, 'UNAUTHENTICATED', '请先登录'))
      )
        .then((principal) => {
          socket.data.principal = principal;
          socket.data.token = token;
          next();
        })
        .catch((err: unknown) => {
          const e = err instanceof AppError ? err : new AppError(401, 'TOKEN_INVALID', '登录凭证无效');
          next(Object.assign(new Error(e.message), { data: { code: e.code } }));
        });
    });
    io.on('connection', (raw) => {
      const socket = raw as AppSocket;
      const p = socket.data.principal;
      // A back-office id is an admin_users id: it must not join the WeChat user's room of that number.
      if (p.kind !== 'backoffice') void socket.join(rooms.user(p.userId));
      if (p.role === 'staff' && p.storeId) void socket.join([rooms.storeStaff(p.storeId), rooms.allStaff]);
      if (p.role === 'courier' && p.courierId) void socket.join(rooms.courier(p.courierId));
      if (p.role === 'admin') void socket.join(rooms.admins);
      // Every event the client sends re-checks its token first: a disabled member is dropped, not served.
      socket.use((_event, next) => {
        void this.stillValid(socket).then((ok) => ok && next());
      });
      for (const h of this.handlers) h(socket);
    });
    this.io = io;
    this.recheckTimer = setInterval(() => void this.recheck(), this.deps.recheckMs ?? RECHECK_MS);
    this.recheckTimer.unref();
  }

  /** Checks one socket's token against the database; disconnects it (and answers false) when revoked or expired. */
  private async stillValid(socket: AppSocket): Promise<boolean> {
    try {
      await this.deps.tokens.verifyCurrent(socket.data.token);
      return true;
    } catch (err) {
      if (!(err instanceof AppError)) {
        // The database did not answer: keep the socket, the next check decides.
        this.deps.log.warn({ err }, 'socket token re-check failed');
        return true;
      }
      socket.disconnect(true);
      return false;
    }
  }

  /** Re-checks every socket this instance holds (the periodic sweep; tests call it directly). */
  async recheck(): Promise<void> {
    if (!this.io) return;
    for (const raw of this.io.of('/').sockets.values()) await this.stillValid(raw as AppSocket);
  }

  /** Disconnects every socket of WeChat identity `userId`, on every instance (a member was just disabled). */
  dropUser(userId: number): void {
    this.io?.in(rooms.user(userId)).disconnectSockets(true);
  }

  /** Emits to a room on every instance; a no-op before `attach` (HTTP-only tests). */
  emit<E extends keyof ServerToClientEvents>(
    room: string | string[],
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.io?.to(room).emit(event, ...args);
  }

  /**
   * Whether any socket is in `room` on any instance (through the Redis adapter); false before
   * `attach`, and when the instances do not answer in time (better one message too many than none).
   */
  async isOnline(room: string): Promise<boolean> {
    return (await this.usersIn(room)).size > 0;
  }

  /** The WeChat identities (users.id) with a socket in `room`, on every instance. */
  async usersIn(room: string): Promise<Set<number>> {
    if (!this.io) return new Set();
    try {
      const sockets = await this.io.in(room).timeout(2000).fetchSockets();
      return new Set(
        sockets
          .map((s) => (s.data as { principal?: Principal }).principal)
          .filter((p): p is Principal => !!p && p.kind !== 'backoffice')
          .map((p) => p.userId),
      );
    } catch {
      return new Set();
    }
  }

  /** Closes every socket (not the HTTP server). */
  async close(): Promise<void> {
    if (this.recheckTimer) clearInterval(this.recheckTimer);
    this.recheckTimer = null;
    if (!this.io) return;
    this.io.disconnectSockets(true);
    await new Promise<void>((ok) => this.io!.close(() => ok()));
    this.io = null;
  }
}
