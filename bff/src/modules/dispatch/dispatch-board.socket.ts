import { DispatchWatchBody, type Ack } from '@omni/shared-types';
import type { DataSource } from 'typeorm';
import { AppError, ForbiddenError, NotFoundError } from '../../http/errors';
import { assertStoreAccess } from '../../http/permissions';
import { parse } from '../../http/validate';
import type { Logger } from '../../logger';
import { rooms, type AppSocket } from '../../realtime/realtime';
import { StoreEntity } from '../stores/store.entity';

const DISPATCH_ROOM = /^store:\d+:dispatch$/;

function fail(err: unknown, log: Logger): Ack<never> {
  if (err instanceof AppError) return { error: { code: err.code, message: err.message } };
  log.error({ err }, 'dispatch socket handler failed');
  return { error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } };
}

/**
 * The dispatch board live: a store manager's socket joins its store's dispatch room on connect;
 * `dispatch:watch { storeId }` (admins any store, managers their own; acked) makes the socket
 * watch that store instead of any other it watched. The room gets `courier:position` and
 * `dispatch:updated`.
 */
export function dispatchBoardSocket(db: DataSource, log: Logger): (socket: AppSocket) => void {
  return (socket) => {
    const s = socket as unknown as {
      on(event: string, fn: (body: unknown, ack?: (a: Ack<unknown>) => void) => void): void;
      join(room: string): Promise<void> | void;
      leave(room: string): Promise<void> | void;
      rooms: Set<string>;
    };
    const p = socket.data.principal;
    if (p.role === 'store_manager' && p.storeId) void s.join(rooms.storeDispatch(p.storeId));
    s.on('dispatch:watch', (body, ack) => {
      void (async () => {
        try {
          if (p.role !== 'admin' && p.role !== 'store_manager')
            throw new ForbiddenError('仅管理员和店长可查看调度');
          const { storeId } = parse(DispatchWatchBody, body, '门店');
          const notFound = () => new NotFoundError('STORE_NOT_FOUND', '门店不存在');
          assertStoreAccess(p, storeId, notFound);
          if (!(await db.getRepository(StoreEntity).existsBy({ id: storeId }))) throw notFound();
          const room = rooms.storeDispatch(storeId);
          for (const r of [...s.rooms]) if (DISPATCH_ROOM.test(r) && r !== room) await s.leave(r);
          await s.join(room);
          ack?.({ data: { storeId } });
        } catch (err) {
          ack?.(fail(err, log));
        }
      })();
    });
  };
}
