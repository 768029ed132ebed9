import type { Ack } from '@omni/shared-types';
import { SendMessageBody } from '@omni/shared-types';
import { z } from 'zod';
import { AppError } from '../../http/errors';
import { parse } from '../../http/validate';
import type { Logger } from '../../logger';
import { rooms, type AppSocket } from '../../realtime/realtime';
import type { SupportService } from './support.service';

const ConversationRef = z.strictObject({ conversationId: z.number().int().positive() });
const ReadRef = z.strictObject({
  conversationId: z.number().int().positive(),
  messageId: z.number().int().positive(),
});

function fail(err: unknown, log: Logger): Ack<never> {
  if (err instanceof AppError) return { error: { code: err.code, message: err.message } };
  log.error({ err }, 'socket handler failed');
  return { error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } };
}

/** Chat over socket.io: `chat:send` (acked, idempotent by clientId), `chat:join`, `chat:typing`, `chat:read`. */
export function supportSocket(support: SupportService, log: Logger): (socket: AppSocket) => void {
  return (socket) => {
    const s = socket as unknown as {
      on(event: string, fn: (body: unknown, ack?: (a: Ack<unknown>) => void) => void): void;
      join(room: string): Promise<void> | void;
    };
    const p = socket.data.principal;
    s.on('chat:send', (body, ack) => {
      void (async () => {
        try {
          const res = await support.send(p, parse(SendMessageBody, body, '消息'));
          await s.join(rooms.conversation(res.conversation.id));
          ack?.({ data: res });
        } catch (err) {
          ack?.(fail(err, log));
        }
      })();
    });
    s.on('chat:join', (body, ack) => {
      void (async () => {
        try {
          const { conversationId } = parse(ConversationRef, body, '会话');
          if (!(await support.canWatch(p, conversationId)))
            throw new AppError(404, 'CONVERSATION_NOT_FOUND', '会话不存在');
          await s.join(rooms.conversation(conversationId));
          ack?.({ data: { conversationId } });
        } catch (err) {
          ack?.(fail(err, log));
        }
      })();
    });
    s.on('chat:typing', (body) => {
      const parsed = ConversationRef.safeParse(body);
      if (parsed.success) void support.relay(p, 'typing', parsed.data.conversationId).catch(() => undefined);
    });
    s.on('chat:read', (body) => {
      const parsed = ReadRef.safeParse(body);
      if (parsed.success)
        void support
          .relay(p, 'read', parsed.data.conversationId, parsed.data.messageId)
          .catch(() => undefined);
    });
  };
}
