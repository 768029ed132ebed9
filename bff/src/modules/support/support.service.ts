import { In, IsNull, LessThan, type DataSource, type EntityManager } from 'typeorm';
import type {
  ChatMessage,
  Conversation,
  ConversationStatus,
  HandoffSummary,
  SendMessageBody,
  SendMessageResponse,
} from '@omni/shared-types';
import { formatSlot } from '@omni/shared-types';
import { maskPhonesInText } from '../../algorithms/nlu';
import type { Clock } from '../../clock';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { ConflictError, ForbiddenError, NotFoundError } from '../../http/errors';
import { enforceLimit, type RateLimiter } from '../../http/rate-limit';
import { shanghaiTime } from '../../lib/shanghai-time';
import type { Logger } from '../../logger';
import { rooms, type Realtime } from '../../realtime/realtime';
import { OrderEntity } from '../orders/order.entity';
import { SlotEntity } from '../slots/slot.entity';
import type { AftersalesService } from '../aftersales/aftersales.service';
import type { Dialogue } from './dialogue';
import type { BotReply, DialogueMemory } from './dialogue.types';
import { ConversationEntity, MessageEntity } from './support.entity';
import { toConversations, toMessage } from './support.mapper';

/** Support settings: human service hours (Shanghai) and the per-user message limit. */
export interface SupportSettings {
  humanHours: [string, string];
  messagesPer10s: number;
}

/** Chat between customers, the bot and store agents; every message stored once by its client id. */
export class SupportService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      dialogue: Dialogue;
      aftersales: AftersalesService;
      realtime: Realtime;
      limiter: RateLimiter;
      clock: Clock;
      log: Logger;
      settings: SupportSettings;
    },
  ) {}

  private onOfflineReply:
    | ((
        m: EntityManager,
        c: { messageId: number; userId: number; agent: string; text: string; at: Date },
      ) => Promise<void>)
    | null = null;

  /** What an agent's reply to a customer who is not connected does, inside the reply's transaction. */
  setOfflineReplyHook(hook: NonNullable<SupportService['onOfflineReply']>): void {
    this.onOfflineReply = hook;
  }

  /** A customer message: stored (idempotent by client id), then answered by the bot unless a person took over. */
  async send(p: Principal, body: SendMessageBody): Promise<SendMessageResponse> {
    if (p.role !== 'consumer') throw new ForbiddenError('店员请在客服工作台回复');
    await enforceLimit(this.deps.limiter, `chat:${p.userId}`, this.deps.settings.messagesPer10s, 10);
    const text = body.action ? await this.actionText(body.action) : (body.text ?? '').trim();
    if (body.clientId) {
      const replay = await this.replay(p, body.clientId, text, body.conversationId);
      if (replay) return replay;
    }
    const conv = await this.conversationFor(p, body.conversationId, body.orderId ?? null);
    let message: MessageEntity;
    try {
      message = await this.insert(conv.id, 'customer', p.userId, body.clientId ?? null, text, null);
    } catch (err) {
      if (!isUniqueViolation(err) || !body.clientId) throw err;
      const again = await this.replay(p, body.clientId, text, conv.id); // a concurrent resend won
      if (again) return again;
      throw err;
    }
    this.push(conv, message);
    const replies: MessageEntity[] = [];
    if (conv.status === 'bot' || conv.status === 'closed') {
      if (conv.status === 'closed') await this.reopen(conv);
      replies.push(...(await this.botTurn(p, conv, message, body)));
    }
    const [dto] = await toConversations(this.deps.db, [await this.reload(conv.id)]);
    return {
      conversation: dto,
      message: toMessage(message, p),
      replies: replies.map((r) => toMessage(r, p)),
    };
  }

  private async botTurn(
    p: Principal,
    conv: ConversationEntity,
    message: MessageEntity,
    body: SendMessageBody,
  ): Promise<MessageEntity[]> {
    const memory = conv.memory ? (JSON.parse(conv.memory) as DialogueMemory) : {};
    const outcome = await this.deps.dialogue.respond({
      principal: p,
      conversationId: conv.id,
      text: body.action ? null : message.text,
      action: body.action ?? null,
      contextOrderId: conv.orderId,
      memory,
      now: this.deps.clock.now(),
    });
    await this.deps.tx.run((m) =>
      m
        .getRepository(MessageEntity)
        .update({ id: message.id }, { intent: outcome.intent, confidence: outcome.confidence }),
    );
    const unresolved = outcome.unresolved ? conv.unresolvedTurns + 1 : 0;
    const handoff = outcome.handoff ?? (unresolved >= 2 ? 'unresolved' : undefined);
    const orderId = outcome.orderId ?? conv.orderId;
    await this.deps.tx.run((m) =>
      m
        .getRepository(ConversationEntity)
        .update(
          { id: conv.id },
          { memory: JSON.stringify(outcome.memory), unresolvedTurns: unresolved, orderId },
        ),
    );
    const replies: BotReply[] = [...outcome.replies];
    if (handoff) {
      replies.push(
        ...(await this.handoff(p, { ...conv, orderId }, handoff, outcome.intent, outcome.entities)),
      );
    }
    const stored: MessageEntity[] = [];
    for (const r of replies) {
      const msg = await this.insert(conv.id, 'bot', null, null, r.text, r.payload ?? null);
      stored.push(msg);
      this.push(conv, msg);
    }
    return stored;
  }

  /** Puts the conversation in the store's (or brand team's) queue with the bot's summary; the bot then goes quiet. */
  private async handoff(
    p: Principal,
    conv: ConversationEntity,
    reason: HandoffSummary['reason'],
    intent: string | null,
    entities: Record<string, unknown>,
  ): Promise<BotReply[]> {
    const order = conv.orderId
      ? await this.deps.db.getRepository(OrderEntity).findOneBy({ id: conv.orderId })
      : null;
    const recent = await this.deps.db
      .getRepository(MessageEntity)
      .find({ where: { conversationId: conv.id, sender: 'customer' }, order: { id: 'DESC' }, take: 3 });
    const now = this.deps.clock.now();
    const summary: HandoffSummary = {
      reason,
      intent,
      entities: JSON.parse(maskPhonesInText(JSON.stringify(entities))) as Record<string, unknown>,
      orderNo: order?.orderNo ?? null,
      lastCustomerMessages: recent.reverse().map((m) => maskPhonesInText(m.text).slice(0, 200)),
    };
    await this.deps.tx.run((m) =>
      m.getRepository(ConversationEntity).update(
        { id: conv.id },
        {
          status: 'waiting',
          storeId: order?.storeId ?? conv.storeId,
          summary: JSON.stringify(summary),
          handoffAt: now,
        },
      ),
    );
    const [dto] = await toConversations(this.deps.db, [await this.reload(conv.id)]);
    this.deps.realtime.emit(
      dto.storeId ? rooms.storeStaff(dto.storeId) : rooms.allStaff,
      'support:queue',
      dto,
    );
    const [open, close] = this.deps.settings.humanHours;
    const t = shanghaiTime(now);
    if (t < open || t >= close) {
      let caseNote = '';
      if (order) {
        const { case: c } = await this.deps.aftersales.open(
          p,
          {
            orderId: order.id,
            type: 'inquiry',
            reason: summary.lastCustomerMessages.join(' / ').slice(0, 300) || '转人工咨询',
          },
          conv.id,
        );
        caseNote = `，已为你登记工单 ${c.caseNo}`;
      }
      return [
        {
          text: `人工客服的服务时间是每天 ${open}–${close}，现在不在服务时间${caseNote}。${t < open ? '今天' : '明天'} ${open} 后同事会第一时间回复你。`,
        },
      ];
    }
    return [{ text: '已为你转接人工客服，请稍候，同事马上来～（排队期间可以继续留言）' }];
  }

  /** Staff: conversations of their store and the brand-wide queue. */
  async list(p: Principal, status?: ConversationStatus): Promise<Conversation[]> {
    const qb = this.deps.db
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('(c.store_id = :sid OR c.store_id IS NULL)', { sid: p.storeId ?? -1 });
    qb.andWhere(status ? 'c.status = :status' : "c.status IN ('waiting', 'agent')", { status });
    const rows = await qb.orderBy('c.id', 'DESC').take(100).getMany();
    return toConversations(this.deps.db, rows);
  }

  /** One agent wins the claim; the others get 409 ALREADY_CLAIMED. */
  async claim(p: Principal, id: number): Promise<Conversation> {
    await this.staffConversation(p, id);
    const now = this.deps.clock.now();
    const won = await this.deps.tx.run(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(ConversationEntity)
        .set({
          status: 'agent',
          agentId: p.userId,
          claimedAt: now,
          storeId: () => `COALESCE(store_id, ${Number(p.storeId)})`,
        })
        .where('id = :id AND status = :waiting', { id, waiting: 'waiting' })
        .execute();
      return res.affected === 1;
    });
    if (!won) throw new ConflictError('ALREADY_CLAIMED', '该会话已被其他客服接入');
    const conv = await this.reload(id);
    const msg = await this.insert(
      id,
      'system',
      null,
      null,
      `客服 ${(await toConversations(this.deps.db, [conv]))[0].agent?.nickname ?? ''} 为你服务`,
      null,
    );
    this.push(conv, msg);
    const [dto] = await toConversations(this.deps.db, [conv]);
    this.deps.realtime.emit(
      dto.storeId ? rooms.storeStaff(dto.storeId) : rooms.allStaff,
      'support:queue',
      dto,
    );
    return dto;
  }

  /** An agent's reply (idempotent by client id); only the claiming agent may reply. */
  async reply(p: Principal, id: number, text: string, clientId: string | undefined): Promise<ChatMessage> {
    const conv = await this.staffConversation(p, id);
    if (conv.status !== 'agent' || conv.agentId !== p.userId)
      throw new ConflictError('INVALID_STATE', '请先接入该会话');
    if (clientId) {
      const existing = await this.deps.db
        .getRepository(MessageEntity)
        .findOneBy({ senderId: p.userId, clientId });
      if (existing) {
        if (existing.text !== text || existing.conversationId !== id)
          throw new ConflictError('MESSAGE_ID_REUSED', '消息编号已被另一条消息使用');
        return toMessage(existing, p);
      }
    }
    // A customer with no socket open hears of the reply as a subscription message (same transaction).
    const offline = this.onOfflineReply && !(await this.deps.realtime.isOnline(rooms.user(conv.userId)));
    const msg = await this.insert(id, 'agent', p.userId, clientId ?? null, text, null, async (m, saved) => {
      if (offline)
        await this.onOfflineReply?.(m, {
          messageId: saved.id,
          userId: conv.userId,
          agent: '客服',
          text,
          at: saved.createdAt,
        });
    });
    if (!conv.firstAgentReplyAt) {
      await this.deps.tx.run((m) =>
        m
          .getRepository(ConversationEntity)
          .update({ id, firstAgentReplyAt: IsNull() }, { firstAgentReplyAt: msg.createdAt }),
      );
    }
    this.push(conv, msg);
    return toMessage(msg, p);
  }

  /** Closes the conversation and asks the customer for a 1–5 rating. */
  async close(p: Principal, id: number): Promise<Conversation> {
    const conv = await this.staffConversation(p, id);
    if (conv.status === 'closed') throw new ConflictError('CONVERSATION_CLOSED', '会话已结束');
    await this.deps.tx.run((m) =>
      m
        .getRepository(ConversationEntity)
        .update({ id }, { status: 'closed', closedAt: this.deps.clock.now() }),
    );
    const msg = await this.insert(id, 'system', null, null, '本次服务已结束，请为客服打个分吧（1–5 分）', {
      csatRequest: true,
    });
    this.push(conv, msg);
    const [dto] = await toConversations(this.deps.db, [await this.reload(id)]);
    this.deps.realtime.emit(
      dto.storeId ? rooms.storeStaff(dto.storeId) : rooms.allStaff,
      'support:queue',
      dto,
    );
    return dto;
  }

  /** The customer's rating of a closed conversation. */
  async rate(p: Principal, id: number, score: number): Promise<Conversation> {
    const conv = await this.mine(p, id);
    if (conv.status !== 'closed' || conv.agentId === null)
      throw new ConflictError('INVALID_STATE', '人工服务结束后才能评价');
    await this.deps.tx.run((m) => m.getRepository(ConversationEntity).update({ id }, { csat: score }));
    return (await toConversations(this.deps.db, [await this.reload(id)]))[0];
  }

  /** Messages of a conversation the caller may see, oldest first, `limit` before message `before`. */
  async history(
    p: Principal,
    id: number,
    before: number | undefined,
    limit = 30,
  ): Promise<{ conversation: Conversation; items: ChatMessage[] }> {
    const conv = p.role === 'consumer' ? await this.mine(p, id) : await this.staffConversation(p, id);
    const rows = await this.deps.db.getRepository(MessageEntity).find({
      where: { conversationId: id, ...(before ? { id: LessThan(before) } : {}) },
      order: { id: 'DESC' },
      take: limit,
    });
    return {
      conversation: (await toConversations(this.deps.db, [conv]))[0],
      items: rows.reverse().map((r) => toMessage(r, p)),
    };
  }

  /** The customer's conversations, newest first. */
  async mineList(p: Principal): Promise<Conversation[]> {
    const rows = await this.deps.db
      .getRepository(ConversationEntity)
      .find({ where: { userId: p.userId }, order: { id: 'DESC' }, take: 20 });
    return toConversations(this.deps.db, rows);
  }

  /** Typing and read receipts are relayed, not stored. */
  async relay(p: Principal, kind: 'typing' | 'read', id: number, messageId?: number): Promise<void> {
    const conv = p.role === 'consumer' ? await this.mine(p, id) : await this.staffConversation(p, id);
    const who = p.role === 'consumer' ? 'customer' : 'agent';
    const targets = [
      rooms.conversation(conv.id),
      rooms.user(conv.userId),
      ...(conv.agentId ? [rooms.user(conv.agentId)] : []),
    ];
    if (kind === 'typing')
      this.deps.realtime.emit(targets, 'chat:typing', { conversationId: id, sender: who });
    else
      this.deps.realtime.emit(targets, 'chat:read', {
        conversationId: id,
        messageId: messageId ?? 0,
        reader: who,
      });
  }

  /** May the caller watch this conversation's room? (owner, or staff of its store / brand queue). */
  async canWatch(p: Principal, id: number): Promise<boolean> {
    try {
      if (p.role === 'consumer') await this.mine(p, id);
      else await this.staffConversation(p, id);
      return true;
    } catch {
      return false;
    }
  }

  private async replay(
    p: Principal,
    clientId: string,
    text: string,
    conversationId: number | undefined,
  ): Promise<SendMessageResponse | null> {
    const existing = await this.deps.db
      .getRepository(MessageEntity)
      .findOneBy({ senderId: p.userId, clientId });
    if (!existing) return null;
    if (
      existing.text !== text ||
      (conversationId !== undefined && existing.conversationId !== conversationId)
    ) {
      throw new ConflictError('MESSAGE_ID_REUSED', '消息编号已被另一条消息使用');
    }
    const after = await this.deps.db
      .getRepository(MessageEntity)
      .find({ where: { conversationId: existing.conversationId }, order: { id: 'ASC' } });
    const replies: MessageEntity[] = [];
    for (const m of after.filter((x) => x.id > existing.id)) {
      if (m.sender === 'customer') break;
      if (m.sender === 'bot') replies.push(m);
    }
    const [conv] = await toConversations(this.deps.db, [await this.reload(existing.conversationId)]);
    return {
      conversation: conv,
      message: toMessage(existing, p),
      replies: replies.map((r) => toMessage(r, p)),
    };
  }

  private async conversationFor(
    p: Principal,
    id: number | undefined,
    orderId: number | null,
  ): Promise<ConversationEntity> {
    if (id) return this.mine(p, id);
    const open = await this.deps.db.getRepository(ConversationEntity).findOne({
      where: { userId: p.userId, status: In(['bot', 'waiting', 'agent']) },
      order: { id: 'DESC' },
    });
    const owned = orderId
      ? await this.deps.db.getRepository(OrderEntity).findOneBy({ id: orderId, userId: p.userId })
      : null;
    if (open) {
      if (owned && open.orderId !== owned.id)
        await this.deps.tx.run((m) =>
          m.getRepository(ConversationEntity).update({ id: open.id }, { orderId: owned.id }),
        );
      return this.reload(open.id);
    }
    const now = this.deps.clock.now();
    const res = await this.deps.tx.run((m) =>
      m.getRepository(ConversationEntity).insert({
        userId: p.userId,
        status: 'bot',
        storeId: owned?.storeId ?? null,
        orderId: owned?.id ?? null,
        agentId: null,
        summary: null,
        memory: null,
        unresolvedTurns: 0,
        handoffAt: null,
        claimedAt: null,
        firstAgentReplyAt: null,
        closedAt: null,
        csat: null,
        createdAt: now,
        lastMessageAt: now,
      }),
    );
    return this.reload(Number(res.identifiers[0].id));
  }

  private async reopen(conv: ConversationEntity): Promise<void> {
    await this.deps.tx.run((m) =>
      m
        .getRepository(ConversationEntity)
        .update({ id: conv.id }, { status: 'bot', agentId: null, closedAt: null, unresolvedTurns: 0 }),
    );
    conv.status = 'bot';
  }

  private async insert(
    conversationId: number,
    sender: MessageEntity['sender'],
    senderId: number | null,
    clientId: string | null,
    text: string,
    payload: object | null,
    inTx?: (m: EntityManager, saved: MessageEntity) => Promise<void>,
  ): Promise<MessageEntity> {
    const now = this.deps.clock.now();
    return this.deps.tx.run(async (m) => {
      const saved = await m.getRepository(MessageEntity).save({
        conversationId,
        sender,
        senderId,
        clientId,
        text,
        payload: payload ? JSON.stringify(payload) : null,
        intent: null,
        confidence: null,
        createdAt: now,
      });
      await m.getRepository(ConversationEntity).update({ id: conversationId }, { lastMessageAt: now });
      await inTx?.(m, saved);
      return saved;
    });
  }

  private push(conv: ConversationEntity, msg: MessageEntity): void {
    const targets = [rooms.conversation(conv.id), rooms.user(conv.userId)];
    if (conv.agentId) targets.push(rooms.user(conv.agentId));
    this.deps.realtime.emit(targets, 'chat:message', toMessage(msg, null));
  }

  /** What the customer's bubble says for a tapped chip: the slot as people read it, never its id. */
  private async actionText(a: NonNullable<SendMessageBody['action']>): Promise<string> {
    if (a.type === 'reschedule') {
      const slot = await this.deps.db.getRepository(SlotEntity).findOneBy({ id: a.slotId });
      return slot ? `改约到 ${formatSlot(slot.date, `${slot.startLocal}-${slot.endLocal}`)}` : '改约配送时段';
    }
    if (a.type === 'cancel') return '确定取消订单';
    return '转人工';
  }

  private reload(id: number): Promise<ConversationEntity> {
    return this.deps.db.getRepository(ConversationEntity).findOneByOrFail({ id });
  }

  private async mine(p: Principal, id: number): Promise<ConversationEntity> {
    const c = await this.deps.db.getRepository(ConversationEntity).findOneBy({ id });
    if (!c || c.userId !== p.userId) throw new NotFoundError('CONVERSATION_NOT_FOUND', '会话不存在');
    return c;
  }

  private async staffConversation(p: Principal, id: number): Promise<ConversationEntity> {
    const c = await this.deps.db.getRepository(ConversationEntity).findOneBy({ id });
    const visible =
      c && (p.role === 'admin' || (p.role === 'staff' && (c.storeId === null || c.storeId === p.storeId)));
    if (!c || !visible || c.status === 'bot') throw new NotFoundError('CONVERSATION_NOT_FOUND', '会话不存在');
    return c;
  }
}
