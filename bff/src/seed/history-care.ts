// Pure: the support chats and after-sales cases of a simulated day (see history-sim.ts).
import { shanghaiToUtc } from '../lib/shanghai-time';
import type { DayRows, Draw, Incident, SimStore } from './history-sim';

/** A delivered or picked-up order an after-sales case may be opened on. */
export interface FinishedOrder {
  id: number;
  userId: number;
  at: Date;
  items: Array<{ productId: number; quantity: number }>;
}

type Ctx = { customerIds: number[]; nextId: (table: keyof DayRows) => number };

const MIN = 60_000;
const INTENTS = [
  'order_status',
  'change_slot',
  'delivery_fee',
  'store_hours',
  'product_question',
  'stock_check',
];
const ASKS: Record<string, string> = {
  order_status: '我的订单到哪了',
  change_slot: '能改到晚一点送吗',
  delivery_fee: '配送费多少钱',
  store_hours: '门店几点关门',
  product_question: '这款适合敏感肌吗',
  stock_check: '还有货吗',
  complaint: '送来的东西有破损，我要投诉',
  human_agent: '转人工',
};

/** The day's support chats: most settled by the bot, some handed to a person, about half rated. */
export function simulateChats(
  { rnd, between, int, pick }: Draw,
  s: SimStore,
  date: string,
  incident: Incident | undefined,
  ctx: Ctx,
  out: DayRows,
): void {
  for (let n = int(6, 12); n > 0; n--) {
    const id = ctx.nextId('conversations');
    const userId = pick(ctx.customerIds);
    const createdAt = shanghaiToUtc(
      date,
      `${String(int(9, 20)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}`,
    );
    const handed = rnd() < 0.35 || (incident?.firstResponseS !== undefined && n <= 4);
    const intent = handed ? pick(['complaint', 'human_agent', 'order_status']) : pick(INTENTS);
    const text = ASKS[intent];
    const msg = (sender: string, senderId: number | null, at: Date, body: string, withIntent: boolean) =>
      out.messages.push({
        id: ctx.nextId('messages'),
        conversationId: id,
        sender,
        senderId,
        clientId: sender === 'customer' ? `history-${id}-${out.messages.length}` : null,
        text: body,
        payload: null,
        intent: withIntent ? intent : null,
        confidence: withIntent ? Math.round(between(0.6, 0.99) * 100) / 100 : null,
        createdAt: at,
      });
    msg('customer', userId, createdAt, text, true);
    let last = new Date(createdAt.getTime() + 2000);
    msg('bot', null, last, handed ? '正在为你转接人工客服，请稍候' : '已为你查到，还有其他问题吗？', false);
    let handoffAt: Date | null = null;
    let claimedAt: Date | null = null;
    let firstAgentReplyAt: Date | null = null;
    let agentId: number | null = null;
    if (handed && s.staffIds.length) {
      handoffAt = last;
      const [lo, hi] = incident?.firstResponseS ?? [15, 150];
      const waitS = lo + (hi - lo) * rnd() * (incident?.firstResponseS ? 1 : rnd());
      claimedAt = new Date(handoffAt.getTime() + waitS * 600);
      firstAgentReplyAt = new Date(handoffAt.getTime() + waitS * 1000);
      agentId = pick(s.staffIds);
      msg('agent', agentId, firstAgentReplyAt, '您好，我来帮您处理', false);
      last = new Date(firstAgentReplyAt.getTime() + between(2, 10) * MIN);
    }
    const r = rnd();
    const csat = rnd() < 0.5 ? (r < 0.55 ? 5 : r < 0.85 ? 4 : r < 0.95 ? 3 : r < 0.98 ? 2 : 1) : null;
    out.conversations.push({
      id,
      userId,
      status: 'closed',
      storeId: s.id,
      orderId: null,
      agentId,
      summary: handoffAt
        ? JSON.stringify({
            reason:
              intent === 'complaint' ? 'complaint' : intent === 'human_agent' ? 'human_agent' : 'unresolved',
            intent,
            entities: {},
            orderNo: null,
            lastCustomerMessages: [text],
          })
        : null,
      memory: null,
      unresolvedTurns: 0,
      handoffAt,
      claimedAt,
      firstAgentReplyAt,
      closedAt: last,
      csat,
      createdAt,
      lastMessageAt: last,
    });
  }
}

/** Now and then an after-sales case on a finished order of the day; about one in five is answered late. */
export function simulateCase(
  { rnd, between, pick }: Draw,
  s: SimStore,
  today: string,
  ymd: string,
  done: FinishedOrder[],
  ctx: Ctx,
  out: DayRows,
): void {
  if (done.length && rnd() < 0.35) {
    const o = pick(done);
    const type = pick(['exchange', 'complaint', 'inquiry'] as const);
    const slaH = type === 'inquiry' ? 12 : type === 'complaint' ? 24 : 48;
    const id = ctx.nextId('cases');
    const createdAt = new Date(o.at.getTime() + between(30, 240) * MIN);
    const slaDueAt = new Date(createdAt.getTime() + slaH * 3600_000);
    const lateAnswer = rnd() < 0.2;
    const decidedAt = new Date(
      lateAnswer
        ? slaDueAt.getTime() + between(1, 20) * 3600_000
        : createdAt.getTime() + between(0.1, 0.8) * slaH * 3600_000,
    );
    const now = shanghaiToUtc(today, '00:00');
    const status =
      decidedAt > now ? 'submitted' : type === 'inquiry' || rnd() < 0.8 ? 'resolved' : 'rejected';
    const staffId = s.staffIds.length ? pick(s.staffIds) : null;
    out.cases.push({
      id,
      caseNo: `AH${ymd}${String(s.index).padStart(2, '0')}${String(id % 10_000).padStart(4, '0')}`,
      userId: o.userId,
      orderId: o.id,
      storeId: s.id,
      type,
      status,
      reason:
        type === 'exchange'
          ? '颜色和图片不一样，想换一个'
          : type === 'complaint'
            ? '包装有破损'
            : '想咨询一下使用方法',
      lines: JSON.stringify(o.items),
      refundFen: null,
      conversationId: null,
      slaDueAt,
      createdAt,
      updatedAt: status === 'submitted' ? createdAt : decidedAt,
    });
    const caseEvent = (
      st: string,
      actorType: string,
      actorId: number | null,
      at: Date,
      note: string | null,
    ) =>
      out.caseEvents.push({
        id: ctx.nextId('caseEvents'),
        caseId: id,
        status: st,
        actorType,
        actorId,
        note,
        createdAt: at,
      });
    caseEvent('submitted', 'customer', o.userId, createdAt, null);
    if (status !== 'submitted')
      caseEvent(status, 'staff', staffId, decidedAt, status === 'resolved' ? '已处理' : '不符合售后条件');
  }
}
