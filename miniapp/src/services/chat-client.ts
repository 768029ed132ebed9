import type { Socket } from 'socket.io-client';
import {
  SendMessageResponse,
  type Ack,
  type ClientToServerEvents,
  type SendMessageBody,
  type ServerToClientEvents,
} from '@omni/shared-types';
import { ApiError } from './request';
import { connectRealtime } from './socket';

/** The realtime socket with the chat events the client sends (`chat:send`, `chat:join`…). */
export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects the chat socket (the shared realtime connection, typed for the client → server events). */
export function connectChat(token: string): ChatSocket {
  return connectRealtime(token) as unknown as ChatSocket;
}

/** The slice of a socket.io client the outbox needs (a fake in tests). */
export interface OutboxSocket {
  readonly connected: boolean;
  on(event: 'connect' | 'disconnect', fn: () => void): unknown;
  off(event: 'connect' | 'disconnect', fn: () => void): unknown;
  emit(event: 'chat:send', body: SendMessageBody, ack: (a: Ack<unknown>) => void): unknown;
}

/** Why a send failed: `retryable` ones are sent again on reconnect or when the user taps 重发. */
export interface SendFailure {
  code: string;
  message: string;
  retryable: boolean;
}

/** What the outbox reports back to the page. */
export interface OutboxListener {
  sent(clientId: string, response: SendMessageResponse): void;
  failed(clientId: string, failure: SendFailure): void;
}

/** Codes after which sending the same message again cannot succeed. */
const FINAL_CODES = new Set([
  'VALIDATION_FAILED',
  'MESSAGE_ID_REUSED',
  'CONVERSATION_NOT_FOUND',
  'FORBIDDEN',
]);

/** How long a `chat:send` may wait for its ack before it counts as failed (resent on reconnect). */
export const ACK_TIMEOUT_MS = 10_000;

/**
 * Customer messages not yet acknowledged, each with its client id. Sends over the socket when it
 * is connected and over HTTP otherwise; after every reconnect it sends again whatever is still
 * unacknowledged, with the same client id, so the BFF stores each message once.
 */
export class ChatOutbox {
  private readonly pending = new Map<string, SendMessageBody>();
  private readonly inFlight = new Set<string>();
  private readonly onConnect = () => this.flush();
  private readonly onDisconnect = () => this.inFlight.clear();

  constructor(
    private readonly deps: {
      socket: OutboxSocket;
      /** `POST /support/messages`, used while the socket is down. */
      post: (body: SendMessageBody) => Promise<SendMessageResponse>;
      listener: OutboxListener;
      ackTimeoutMs?: number;
    },
  ) {
    deps.socket.on('connect', this.onConnect);
    deps.socket.on('disconnect', this.onDisconnect);
  }

  /** Queues a message (it must carry its `clientId`) and tries to deliver it now. */
  send(body: SendMessageBody & { clientId: string }): void {
    this.pending.set(body.clientId, body);
    this.deliver(body.clientId);
  }

  /** Sends an unacknowledged message again with its own client id (the user tapped 重发). */
  retry(clientId: string): void {
    this.deliver(clientId);
  }

  /** Client ids still waiting for the BFF, oldest first. */
  unacked(): string[] {
    return [...this.pending.keys()];
  }

  /** Stops listening to the socket (the page closes). */
  dispose(): void {
    this.deps.socket.off('connect', this.onConnect);
    this.deps.socket.off('disconnect', this.onDisconnect);
  }

  /** Later messages carry the conversation the first answer created. */
  setConversation(conversationId: number): void {
    for (const [id, body] of this.pending) {
      if (body.conversationId === undefined) this.pending.set(id, { ...body, conversationId });
    }
  }

  private flush(): void {
    this.inFlight.clear();
    for (const clientId of this.pending.keys()) this.deliver(clientId);
  }

  private deliver(clientId: string): void {
    const body = this.pending.get(clientId);
    if (!body || this.inFlight.has(clientId)) return;
    this.inFlight.add(clientId);
    if (this.deps.socket.connected) this.viaSocket(clientId, body);
    else this.viaHttp(clientId, body);
  }

  private viaSocket(clientId: string, body: SendMessageBody): void {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      this.inFlight.delete(clientId);
      this.deps.listener.failed(clientId, { code: 'TIMEOUT', message: '发送超时', retryable: true });
    }, this.deps.ackTimeoutMs ?? ACK_TIMEOUT_MS);
    this.deps.socket.emit('chat:send', body, (ack) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if ('error' in ack) return this.settleError(clientId, ack.error.code, ack.error.message);
      const parsed = SendMessageResponse.safeParse(ack.data);
      if (!parsed.success) return this.settleError(clientId, 'BAD_RESPONSE', '服务返回异常');
      this.settle(clientId, parsed.data);
    });
  }

  private viaHttp(clientId: string, body: SendMessageBody): void {
    this.deps.post(body).then(
      (res) => this.settle(clientId, res),
      (err: unknown) => {
        const code = err instanceof ApiError ? err.code : 'NETWORK_ERROR';
        this.settleError(clientId, code, err instanceof Error ? err.message : '发送失败');
      },
    );
  }

  private settle(clientId: string, res: SendMessageResponse): void {
    this.inFlight.delete(clientId);
    if (!this.pending.delete(clientId)) return; // answered twice (socket and HTTP): report once
    this.setConversation(res.conversation.id);
    this.deps.listener.sent(clientId, res);
  }

  private settleError(clientId: string, code: string, message: string): void {
    this.inFlight.delete(clientId);
    if (!this.pending.has(clientId)) return;
    const retryable = !FINAL_CODES.has(code);
    if (!retryable) this.pending.delete(clientId);
    this.deps.listener.failed(clientId, { code, message, retryable });
  }
}
