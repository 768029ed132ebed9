import { In, type DataSource } from 'typeorm';
import { formatDay, formatSlot, ORDER_STATUS_TEXT, type MessagePayload } from '@omni/shared-types';
import type { Nlu, ParseResult, TimeEntity } from '../../algorithms/nlu';
import { AppError } from '../../http/errors';
import { addDays, shanghaiDate } from '../../lib/shanghai-time';
import type { AftersalesService } from '../aftersales/aftersales.service';
import type { OrderLifecycle } from '../orders/order-lifecycle';
import { RESCHEDULABLE } from '../orders/order-mapper';
import { OrderEntity } from '../orders/order.entity';
import type { OrdersService } from '../orders/orders.service';
import type { SlotsService } from '../slots/slots.service';
import { StoreEntity } from '../stores/store.entity';
import type { StoresService } from '../stores/stores.service';
import type { BotReply, DialogueOutcome, DialogueTurn, Knowledge } from './dialogue.types';
import { InfoAnswers } from './dialogue-info';

/** Below this confidence the bot does not act on its guess. */
export const CONFIDENCE_THRESHOLD = 0.45;
/** Below this intent confidence an FAQ article the retriever is at least `KB_SURE` of answers instead. */
const KB_FIRST_BELOW = 0.6;
const KB_SURE = 0.85;
/** Intents whose answers come from the FAQ anyway (the override would only lose their context). */
const ANSWERS_FROM_KB = new Set([
  'greeting',
  'thanks',
  'delivery_fee',
  'invoice',
  'promotion',
  'payment_issue',
  'address_change',
  'product_question',
]);

const MENU: MessagePayload = {
  chips: [
    { label: '查订单', text: '我的订单到哪了' },
    { label: '改配送时间', text: '我想改配送时间' },
    { label: '退换货', text: '我要退货' },
    { label: '转人工', action: { type: 'human' } },
  ],
};
const PART_HOURS: Record<string, [string, string]> = {
  early_morning: ['06:00', '10:00'],
  morning: ['08:00', '12:00'],
  noon: ['11:00', '14:00'],
  afternoon: ['12:00', '18:00'],
  evening: ['18:00', '23:00'],
  night: ['19:00', '23:59'],
};

/** The bot's turn-taking: understands a message, answers from live data, acts, or hands over. */
export class Dialogue {
  private refs: {
    at: number;
    stores: Array<{ id: string; name: string; aliases: string[] }>;
  } | null = null;
  private readonly info: InfoAnswers;

  constructor(
    private readonly deps: {
      db: DataSource;
      nlu: Nlu;
      knowledge: Knowledge;
      orders: OrdersService;
      lifecycle: OrderLifecycle;
      slots: SlotsService;
      stores: StoresService;
      aftersales: AftersalesService;
    },
  ) {
    this.info = new InfoAnswers(deps);
  }

  /** The reply to one customer turn (text or a tapped action). */
  async respond(turn: DialogueTurn): Promise<DialogueOutcome> {
    const base = {
      intent: null,
      confidence: null,
      entities: {},
      unresolved: false,
      memory: { ...turn.memory },
    };
    if (turn.action) return { ...base, ...(await this.act(turn)) };
    await this.deps.knowledge.refresh();
    const parsed = this.deps.nlu.parse(turn.text ?? '', { now: turn.now, ...(await this.catalogRefs()) });
    const entities = parsed.entities as unknown as Record<string, unknown>;
    let intent: string = parsed.intent;
    const followUp = turn.memory.pending === 'change_slot' && parsed.entities.times.length > 0;
    if (followUp && intent !== 'change_slot' && (parsed.confidence < 0.8 || intent === 'order_status'))
      intent = 'change_slot';
    const out = {
      ...base,
      intent,
      confidence: parsed.confidence,
      entities,
      memory: { lastIntent: intent } as DialogueOutcome['memory'],
    };
    if (parsed.confidence < KB_FIRST_BELOW && !followUp && !ANSWERS_FROM_KB.has(intent)) {
      // An unsure guess loses to an article that matches the question almost word for word.
      const faq = this.info.faqOnly(turn.text ?? '', KB_SURE);
      if (faq) return { ...out, ...faq };
    }
    if (parsed.confidence < CONFIDENCE_THRESHOLD && !followUp) {
      // The classifier does not know every topic the FAQ covers (an admin adds articles at any time).
      const faq = this.info.faqOnly(turn.text ?? '');
      if (faq) return { ...out, ...faq };
      return {
        ...out,
        unresolved: true,
        replies: [
          { text: '抱歉，我没太明白你的意思。可以换个说法，或者选一个下面的常见问题：', payload: MENU },
        ],
      };
    }
    const r = await this.route(intent, parsed, turn);
    return { ...out, ...r, memory: { ...out.memory, ...(r.memory ?? {}) } };
  }

  private async route(
    intent: string,
    parsed: ParseResult,
    turn: DialogueTurn,
  ): Promise<Partial<DialogueOutcome> & { replies: BotReply[] }> {
    const text = turn.text ?? '';
    switch (intent) {
      case 'greeting':
        return {
          replies: [
            {
              text: '你好，我是品牌小助手～可以帮你查订单、改配送时间、退换货、找门店和推荐商品。',
              payload: MENU,
            },
          ],
        };
      case 'thanks':
        return { replies: [{ text: '不客气，祝你购物愉快！还有其他问题随时找我。' }] };
      case 'human_agent':
        return { replies: [], handoff: 'human_agent' };
      case 'order_status':
        return this.orderStatus(turn, parsed);
      case 'change_slot':
        return this.changeSlot(turn, parsed);
      case 'cancel_order':
        return this.cancel(turn, parsed);
      case 'return_refund':
      case 'exchange':
        return this.openCase(turn, parsed, intent === 'exchange' ? 'exchange' : 'return');
      case 'complaint': {
        const order = await this.findOrder(turn, parsed);
        let caseNo = '';
        if (order) {
          const { case: c } = await this.deps.aftersales.open(
            turn.principal,
            { orderId: order.id, type: 'complaint', reason: text.slice(0, 300) || '顾客投诉' },
            turn.conversationId,
          );
          caseNo = `，已登记投诉单 ${c.caseNo}`;
        }
        return {
          replies: [{ text: `非常抱歉给你带来不好的体验${caseNo}。我马上请人工同事来处理。` }],
          handoff: 'complaint',
          orderId: order?.id ?? null,
        };
      }
      case 'store_hours':
      case 'store_nearby':
      case 'product_question':
      case 'product_recommend':
      case 'stock_check':
        return this.info.answer(intent, parsed, turn);
      case 'delivery_fee':
      case 'invoice':
      case 'promotion':
      case 'payment_issue':
      case 'address_change':
        return this.info.fromKnowledge(intent, text, turn, parsed.confidence);
      default:
        return (
          this.info.faqOnly(text) ?? {
            unresolved: true,
            replies: [
              {
                text: '这个问题我暂时回答不了～我可以帮你查订单、改配送时间、退换货、找门店。需要的话也可以转人工。',
                payload: MENU,
              },
            ],
          }
        );
    }
  }

  /** The order a turn is about: a named order number, the conversation's order, or the latest one. */
  private async findOrder(
    turn: DialogueTurn,
    parsed: ParseResult | null,
    statuses?: OrderEntity['status'][],
  ): Promise<OrderEntity | null> {
    const repo = this.deps.db.getRepository(OrderEntity);
    const where = { userId: turn.principal.userId, ...(statuses ? { status: In(statuses) } : {}) };
    for (const no of parsed?.entities.orderIds ?? []) {
      const o =
        (await repo.findOneBy({ ...where, orderNo: no })) ??
        (/^\d{1,9}$/.test(no) ? await repo.findOneBy({ ...where, id: Number(no) }) : null);
      if (o) return o;
    }
    if (turn.contextOrderId) {
      const o = await repo.findOneBy({ ...where, id: turn.contextOrderId });
      if (o) return o;
    }
    return repo.findOne({ where, order: { id: 'DESC' } });
  }

  private async orderStatus(turn: DialogueTurn, parsed: ParseResult) {
    const order = await this.findOrder(turn, parsed);
    if (!order) return { replies: [{ text: '你还没有订单哦，去首页逛逛吧～' }] };
    const dto = await this.deps.orders.load(order.id);
    const where =
      dto.type === 'delivery'
        ? dto.slot
          ? `配送时段：${formatSlot(dto.slot.date, dto.slot.label)}。`
          : ''
        : `自提门店：${dto.storeName}。${dto.status === 'ready_for_pickup' ? '商品已备好，可以来取啦。' : ''}`;
    const items = dto.items.map((i) => `${i.name}×${i.quantity}`).join('、');
    return {
      orderId: order.id,
      replies: [
        {
          text: `你的订单 ${dto.orderNo}（${items}）当前状态：${dto.statusText}。${where}`,
          payload: {
            order: {
              id: dto.id,
              orderNo: dto.orderNo,
              status: dto.status,
              statusText: dto.statusText,
              slotLabel: dto.slot ? formatSlot(dto.slot.date, dto.slot.label) : null,
              totalFen: dto.totalFen,
            },
          },
        },
      ],
    };
  }

  private async changeSlot(turn: DialogueTurn, parsed: ParseResult) {
    const byMemory =
      turn.memory.pending === 'change_slot' && turn.memory.orderId
        ? { ...turn, contextOrderId: turn.memory.orderId }
        : turn;
    const order = await this.findOrder(byMemory, parsed, RESCHEDULABLE);
    if (!order || order.type !== 'delivery' || order.lat === null || order.lng === null) {
      return { replies: [{ text: '你目前没有可以改约的配送订单（已出库或自提的订单不能改配送时间）。' }] };
    }
    // "把明天下午的改到后天晚上": the target time is the last one mentioned.
    const time = parsed.entities.times.at(-1) as TimeEntity | undefined;
    if (!time) {
      return {
        orderId: order.id,
        memory: { pending: 'change_slot' as const, orderId: order.id },
        replies: [
          {
            text: `订单 ${order.orderNo} 想改到哪一天？`,
            payload: { chips: ['今天', '明天', '后天'].map((d) => ({ label: d, text: `改到${d}` })) },
          },
        ],
      };
    }
    let slots;
    try {
      slots = await this.deps.slots.forPoint({ lat: order.lat, lng: order.lng }, time.date);
    } catch (err) {
      if (err instanceof AppError)
        return {
          orderId: order.id,
          replies: [{ text: `${time.text}不在可预约的日期范围内，可以预约今天起 14 天内的时段。` }],
        };
      throw err;
    }
    const [from, to] = time.from
      ? [time.from, time.to ?? time.from]
      : time.part
        ? PART_HOURS[time.part]
        : ['00:00', '23:59'];
    const fits = slots.slots.filter(
      (s) => s.bookable && s.id !== order.slotId && s.label.slice(6) > from && s.label.slice(0, 5) < to,
    );
    const memory = { pending: 'change_slot' as const, orderId: order.id };
    if (!fits.length) {
      const other = slots.slots.filter((s) => s.bookable && s.id !== order.slotId);
      return {
        orderId: order.id,
        memory,
        replies: [
          {
            text: other.length
              ? `${formatDay(time.date)} 这个时间没有可约的时段了，当天还可以选：`
              : `${formatDay(time.date)} 已经没有可约的时段了，换一天试试？`,
            payload: other.length
              ? {
                  slots: {
                    orderId: order.id,
                    date: time.date,
                    items: other.map((s) => ({
                      slotId: s.id,
                      label: s.label,
                      remaining: s.remaining,
                      bookable: s.bookable,
                    })),
                  },
                }
              : undefined,
          },
        ],
      };
    }
    return {
      orderId: order.id,
      memory,
      replies: [
        {
          text: `订单 ${order.orderNo} 可以改到 ${formatDay(time.date)} 的这些时段，点一下就改约：`,
          payload: {
            slots: {
              orderId: order.id,
              date: time.date,
              items: fits.map((s) => ({
                slotId: s.id,
                label: s.label,
                remaining: s.remaining,
                bookable: true,
              })),
            },
          },
        },
      ],
    };
  }

  private async cancel(turn: DialogueTurn, parsed: ParseResult) {
    const order = await this.findOrder(turn, parsed);
    if (!order) return { replies: [{ text: '没有找到你的订单。' }] };
    if (order.status === 'pending_payment') {
      return {
        orderId: order.id,
        replies: [
          {
            text: `订单 ${order.orderNo} 还没有付款，确定要取消吗？`,
            payload: {
              chips: [
                { label: '确定取消', action: { type: 'cancel' as const, orderId: order.id } },
                { label: '再想想', text: '谢谢' },
              ],
            },
          },
        ],
      };
    }
    if (['paid', 'assigned', 'ready_for_pickup'].includes(order.status))
      return this.openCase(turn, parsed, 'refund', order);
    return {
      orderId: order.id,
      replies: [
        {
          text: `订单 ${order.orderNo} 当前${ORDER_STATUS_TEXT[order.status]}，不能直接取消。如需退货退款可以说「我要退货」，或转人工。`,
          payload: MENU,
        },
      ],
    };
  }

  private async openCase(
    turn: DialogueTurn,
    parsed: ParseResult,
    type: 'return' | 'exchange' | 'refund',
    known?: OrderEntity,
  ) {
    const eligible: OrderEntity['status'][] =
      type === 'refund' ? ['paid', 'assigned', 'ready_for_pickup'] : ['delivered', 'picked_up'];
    const order = known ?? (await this.findOrder(turn, parsed, eligible));
    if (!order)
      return this.info.fromKnowledge(
        type === 'exchange' ? 'exchange' : 'return_refund',
        turn.text ?? '退货',
        turn,
        parsed.confidence,
      );
    const reason = (turn.text ?? '').slice(0, 300) || '顾客申请';
    const { case: c, created } = await this.deps.aftersales.open(
      turn.principal,
      { orderId: order.id, type, reason: reason.length >= 2 ? reason : '顾客申请' },
      turn.conversationId,
    );
    const what = { return: '退货退款', exchange: '换货', refund: '取消并退款' }[type];
    return {
      orderId: order.id,
      replies: [
        {
          text: `${created ? '已为你提交' : '你已经提交过'}订单 ${order.orderNo} 的${what}申请，售后单号 ${c.caseNo}，我们会在 ${new Date(c.slaDueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} 前处理。`,
          payload: { caseRef: { id: c.id, caseNo: c.caseNo, type: c.type, status: c.status } },
        },
      ],
    };
  }

  private async act(turn: DialogueTurn): Promise<Partial<DialogueOutcome> & { replies: BotReply[] }> {
    const a = turn.action!;
    if (a.type === 'human') return { intent: 'human_agent', replies: [], handoff: 'human_agent' };
    try {
      if (a.type === 'reschedule') {
        const o = await this.deps.lifecycle.reschedule(turn.principal, a.orderId, a.slotId, '客服机器人');
        return {
          intent: 'change_slot',
          orderId: o.id,
          memory: {},
          replies: [
            {
              text: `好的，订单 ${o.orderNo} 已改到 ${o.slot ? formatSlot(o.slot.date, o.slot.label) : '新的时段'}。`,
            },
          ],
        };
      }
      const o = await this.deps.lifecycle.cancel(turn.principal, a.orderId, '顾客在客服对话中取消');
      return { intent: 'cancel_order', orderId: o.id, replies: [{ text: `订单 ${o.orderNo} 已取消。` }] };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const why: Record<string, string> = {
        SLOT_FULL: '这个时段刚刚约满了，请换一个时段。',
        SLOT_CUTOFF_PASSED: '这个时段已经截止预约了，请换一个时段。',
        INVALID_STATE: '订单状态已经变了，这个操作做不了了。',
        ORDER_NOT_FOUND: '没有找到这个订单。',
      };
      return { unresolved: false, replies: [{ text: why[err.code] ?? err.message }] };
    }
  }

  /** Store names for entity extraction, cached for a minute; product names come with the knowledge. */
  private async catalogRefs() {
    if (!this.refs || Date.now() - this.refs.at > 60_000) {
      const stores = await this.deps.db.getRepository(StoreEntity).findBy({ active: true });
      this.refs = {
        at: Date.now(),
        stores: stores.map((s) => ({
          id: String(s.id),
          name: s.name,
          aliases: [s.name.replace(/店$/, ''), `${s.district.replace(/区$/, '')}店`],
        })),
      };
    }
    return { stores: this.refs.stores, products: this.deps.knowledge.products() };
  }
}

/** Tomorrow's Shanghai date (for prompts). */
export function tomorrow(now: Date): string {
  return addDays(shanghaiDate(now), 1);
}
