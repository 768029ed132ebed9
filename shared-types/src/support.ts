import { z } from 'zod';
import { IdParam, PageQuery, QueryInt, paged } from './common';

/** A client-made message id (idempotency of sends): 8–64 URL-safe characters. */
export const ClientMessageId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 characters [A-Za-z0-9_-]');

/** Something the customer can tap in a bot reply instead of typing. */
export const ChatAction = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('reschedule'),
    orderId: z.number().int().positive(),
    slotId: z.number().int().positive(),
  }),
  z.strictObject({ type: z.literal('cancel'), orderId: z.number().int().positive() }),
  z.strictObject({ type: z.literal('human') }),
]);
export type ChatAction = z.infer<typeof ChatAction>;

/** `POST /support/messages` and socket `chat:send`: text (or a tapped action), with a client id. */
export const SendMessageBody = z
  .strictObject({
    conversationId: z.number().int().positive().optional(),
    clientId: ClientMessageId.optional(),
    text: z.string().max(1000, 'at most 1000 characters').optional(),
    orderId: z.number().int().positive().optional(),
    action: ChatAction.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action) return;
    if (v.text === undefined || v.text.trim().length === 0) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'must not be empty' });
    }
  });
export type SendMessageBody = z.infer<typeof SendMessageBody>;

/** Rich parts of a bot reply the mini-program renders as cards and chips. */
export const MessagePayload = z.object({
  chips: z
    .array(z.object({ label: z.string(), text: z.string().optional(), action: ChatAction.optional() }))
    .optional(),
  slots: z
    .object({
      orderId: z.number().int(),
      date: z.string(),
      items: z.array(
        z.object({
          slotId: z.number().int(),
          label: z.string(),
          remaining: z.number().int(),
          bookable: z.boolean(),
        }),
      ),
    })
    .optional(),
  order: z
    .object({
      id: z.number().int(),
      orderNo: z.string(),
      status: z.string(),
      statusText: z.string(),
      slotLabel: z.string().nullable(),
      totalFen: z.number().int(),
    })
    .optional(),
  products: z
    .array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        priceFen: z.number().int(),
        image: z.string(),
        reason: z.string(),
      }),
    )
    .optional(),
  article: z.object({ id: z.string(), title: z.string() }).optional(),
  caseRef: z
    .object({ id: z.number().int(), caseNo: z.string(), type: z.string(), status: z.string() })
    .optional(),
  csatRequest: z.boolean().optional(),
});
export type MessagePayload = z.infer<typeof MessagePayload>;

/** One chat message. Text is plain text: clients must never render it as HTML. */
export const ChatMessage = z.object({
  id: z.number().int(),
  conversationId: z.number().int(),
  sender: z.enum(['customer', 'bot', 'agent', 'system']),
  senderName: z.string(),
  clientId: z.string().nullable(),
  text: z.string(),
  payload: MessagePayload.nullable(),
  intent: z.string().nullable(),
  createdAt: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** Conversation states: the bot answers, a person is awaited, a person answers, closed. */
export const ConversationStatus = z.enum(['bot', 'waiting', 'agent', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** What the bot hands over to a person. */
export const HandoffSummary = z.object({
  reason: z.enum(['low_confidence', 'human_agent', 'complaint', 'unresolved', 'outside_hours']),
  intent: z.string().nullable(),
  entities: z.record(z.string(), z.unknown()),
  orderNo: z.string().nullable(),
  lastCustomerMessages: z.array(z.string()),
});
export type HandoffSummary = z.infer<typeof HandoffSummary>;

/** A conversation as the customer or an agent sees it. */
export const Conversation = z.object({
  id: z.number().int(),
  status: ConversationStatus,
  storeId: z.number().int().nullable(),
  customer: z.object({ userId: z.number().int(), nickname: z.string() }),
  orderId: z.number().int().nullable(),
  agent: z.object({ userId: z.number().int(), nickname: z.string() }).nullable(),
  summary: HandoffSummary.nullable(),
  waitingSince: z.string().nullable(),
  createdAt: z.string(),
  lastMessageAt: z.string(),
  lastMessage: z.string().nullable(),
  csat: z.number().int().nullable(),
});
export type Conversation = z.infer<typeof Conversation>;

/** Answer of sending a message: the stored message and what the bot replied (none once a person took over). */
export const SendMessageResponse = z.object({
  conversation: Conversation,
  message: ChatMessage,
  replies: z.array(ChatMessage),
});
export type SendMessageResponse = z.infer<typeof SendMessageResponse>;

/** `GET /support/conversations/:id/messages` query: older than `before`, newest last. */
export const HistoryQuery = z.strictObject({
  before: IdParam.optional(),
  limit: QueryInt.pipe(z.number().int().min(1).max(100)).optional(),
});

/** `GET /support/conversations` query (staff console). */
export const ConversationListQuery = z.strictObject({ status: ConversationStatus.optional() });

/** `POST /support/conversations/:id/reply` body. */
export const AgentReplyBody = z.strictObject({
  text: z.string().trim().min(1).max(1000),
  clientId: ClientMessageId.optional(),
});

/** `POST /support/conversations/:id/csat` body (the customer, after close). */
export const CsatBody = z.strictObject({ score: z.number().int().min(1).max(5) });

/** `POST /support/nlu` body and answer. */
export const NluBody = z.strictObject({ text: z.string().max(1000) });
export const NluResponse = z.object({
  intent: z.string(),
  confidence: z.number(),
  entities: z.record(z.string(), z.unknown()),
});
export type NluResponse = z.infer<typeof NluResponse>;

/** After-sales case types and states. */
export const CaseType = z.enum(['return', 'refund', 'exchange', 'complaint', 'inquiry']);
export type CaseType = z.infer<typeof CaseType>;
/** `refunding`: resolved by staff, waiting for WeChat Pay to confirm the refund; `resolved` only once it has. */
export const CaseStatus = z.enum([
  'submitted',
  'approved',
  'rejected',
  'in_progress',
  'refunding',
  'resolved',
]);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** `POST /aftersales` body. */
export const CreateCaseBody = z.strictObject({
  orderId: z.number().int().positive(),
  type: CaseType,
  reason: z.string().trim().min(2).max(300),
  lines: z
    .array(
      z.strictObject({ productId: z.number().int().positive(), quantity: z.number().int().min(1).max(999) }),
    )
    .max(50)
    .optional(),
});
export type CreateCaseBody = z.infer<typeof CreateCaseBody>;

/** `POST /aftersales/:id/:action` body (staff). */
export const CaseActionBody = z.strictObject({ note: z.string().trim().max(300).optional() });

/** An after-sales case with its customer-visible timeline. */
export const AftersalesCase = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  orderId: z.number().int(),
  orderNo: z.string(),
  storeId: z.number().int(),
  type: CaseType,
  status: CaseStatus,
  reason: z.string(),
  lines: z.array(z.object({ productId: z.number().int(), name: z.string(), quantity: z.number().int() })),
  refundFen: z.number().int().nullable(),
  slaDueAt: z.string(),
  overdue: z.boolean(),
  createdAt: z.string(),
  timeline: z.array(
    z.object({ status: CaseStatus, at: z.string(), actor: z.string(), note: z.string().nullable() }),
  ),
});
export type AftersalesCase = z.infer<typeof AftersalesCase>;

/** `GET /aftersales` query: one status or several, comma-separated (`approved,in_progress`), and a page. */
export const CaseListQuery = PageQuery.extend({
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(CaseStatus).min(1).max(6))
    .optional(),
}).strict();
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/** `GET /aftersales` answer, newest first (default page size 50). */
export const CaseListResponse = paged(AftersalesCase);
export type CaseListResponse = z.infer<typeof CaseListResponse>;

/** `GET /ops/kpis` query and answer. */
export const KpiQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  storeId: QueryInt.pipe(z.number().int().positive()).optional(),
});
export const Kpis = z.object({
  from: z.string(),
  to: z.string(),
  storeId: z.number().int().nullable(),
  delivery: z.object({
    orders: z.number().int(),
    onTimeRate: z.number().nullable(),
    kmPerOrder: z.number().nullable(),
  }),
  support: z.object({
    conversations: z.number().int(),
    botDeflectionRate: z.number().nullable(),
    firstResponseS: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
    csat: z.object({ average: z.number().nullable(), responses: z.number().int() }),
    nps: z.number().nullable(),
    perIntent: z.array(
      z.object({ intent: z.string(), messages: z.number().int(), handedOver: z.number().int() }),
    ),
  }),
});
export type Kpis = z.infer<typeof Kpis>;
