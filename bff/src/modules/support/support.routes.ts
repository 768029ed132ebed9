import Router from '@koa/router';
import {
  AgentReplyBody,
  ConversationListQuery,
  CsatBody,
  HistoryQuery,
  IdParam,
  NluBody,
  SendMessageBody,
} from '@omni/shared-types';
import type { Nlu } from '../../algorithms/nlu';
import type { Clock } from '../../clock';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import type { SupportService } from './support.service';

/** Who may call each route of `supportRoutes` (see permission-table.ts). */
export const supportPermissions: Permission[] = [
  { method: 'POST', path: '/support/messages', roles: ['consumer'] },
  { method: 'POST', path: '/support/nlu', roles: 'public' },
  { method: 'GET', path: '/support/conversations', roles: ['consumer', 'staff', 'admin'] },
  { method: 'GET', path: '/support/conversations/:id/messages', roles: [] },
  { method: 'POST', path: '/support/conversations/:id/claim', roles: ['staff'] },
  { method: 'POST', path: '/support/conversations/:id/reply', roles: ['staff'] },
  { method: 'POST', path: '/support/conversations/:id/close', roles: ['staff'] },
  { method: 'POST', path: '/support/conversations/:id/csat', roles: ['consumer'] },
  { method: 'GET', path: '/support/canned', roles: ['staff'] },
];

/** Customer chat, the NLU probe and the staff console. */
export function supportRoutes(support: SupportService, nlu: Nlu, clock: Clock): Router<AppState> {
  const r = new Router<AppState>();
  r.post('/support/messages', async (ctx) => {
    ctx.body = await support.send(principalOf(ctx.state), parse(SendMessageBody, ctx.request.body, '消息'));
  });
  r.post('/support/nlu', async (ctx) => {
    const { text } = parse(NluBody, ctx.request.body, '文本');
    const res = nlu.parse(text, { now: clock.now() });
    ctx.body = { intent: res.intent, confidence: res.confidence, entities: res.entities };
  });
  r.get('/support/conversations', async (ctx) => {
    const p = principalOf(ctx.state);
    const q = parse(ConversationListQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = { items: p.role === 'consumer' ? await support.mineList(p) : await support.list(p, q.status) };
  });
  r.get('/support/conversations/:id/messages', async (ctx) => {
    const q = parse(HistoryQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = await support.history(
      principalOf(ctx.state),
      parse(IdParam, ctx.params.id, '会话编号'),
      q.before,
      q.limit,
    );
  });
  r.post('/support/conversations/:id/claim', async (ctx) => {
    ctx.body = await support.claim(principalOf(ctx.state), parse(IdParam, ctx.params.id, '会话编号'));
  });
  r.post('/support/conversations/:id/reply', async (ctx) => {
    const body = parse(AgentReplyBody, ctx.request.body, '回复');
    ctx.body = await support.reply(
      principalOf(ctx.state),
      parse(IdParam, ctx.params.id, '会话编号'),
      body.text,
      body.clientId,
    );
  });
  r.post('/support/conversations/:id/close', async (ctx) => {
    ctx.body = await support.close(principalOf(ctx.state), parse(IdParam, ctx.params.id, '会话编号'));
  });
  r.post('/support/conversations/:id/csat', async (ctx) => {
    const { score } = parse(CsatBody, ctx.request.body, '评分');
    ctx.body = await support.rate(principalOf(ctx.state), parse(IdParam, ctx.params.id, '会话编号'), score);
  });
  r.get('/support/canned', (ctx) => {
    ctx.body = { items: CANNED_REPLIES };
  });
  return r;
}

/** Canned replies of the agent console. */
export const CANNED_REPLIES = [
  '您好，我是门店客服，很高兴为您服务～',
  '已经帮您查到订单了，请稍等，我确认一下配送情况。',
  '给您带来不便非常抱歉，我们马上为您处理。',
  '退款会在 1–3 个工作日原路退回到您的微信支付账户。',
  '已为您改好配送时间，骑手会在新时段内送达。',
  '请问还有其他可以帮您的吗？',
];
