import Taro from '@tarojs/taro';
import {
  MAX_TEMPLATES_PER_REQUEST,
  NotifyPreference,
  NotifyPreferencesResponse,
  OfferedTemplatesResponse,
  SubscribeConsentResponse,
  SubscribeResult,
  type NotifyEvent,
  type NotifyScene,
  type OfferedTemplate,
} from '@omni/shared-types';
import { IS_H5 } from '../config';
import { authOptions } from './h5-login';
import { request } from './request';

/**
 * The templates to ask for at one scene, as the BFF offered them to one identity: the shopper's
 * session, or a staff/courier token (their workbenches sign in apart from the shopper).
 */
export interface NotifyOffer {
  scene: NotifyScene;
  items: OfferedTemplate[];
  /** The staff/courier bearer token the offer was fetched with; absent for the shopper. */
  token?: string;
}

function authHeader(token: string | undefined): Record<string, string> | undefined {
  return token ? { Authorization: `Bearer ${token}` } : undefined;
}

/**
 * What to ask for at `scene` (at most 3 templates). Never throws: a failed call is an empty offer,
 * i.e. "ask for nothing". Pages keep it for their life (see hooks/use-notify-offer.ts).
 */
export async function loadOffer(scene: NotifyScene, token?: string): Promise<NotifyOffer> {
  try {
    const { items } = await request({
      path: '/notifications/templates',
      query: { scene },
      headers: authHeader(token),
      schema: OfferedTemplatesResponse,
      silent: true,
    });
    return { scene, items: items.slice(0, MAX_TEMPLATES_PER_REQUEST), token };
  } catch {
    return { scene, items: [], token };
  }
}

type Answers = Record<string, SubscribeResult>;

/** WeChat's subscription sheet; null when it failed (20004: subscriptions switched off in settings, …). */
async function askWechat(tmplIds: string[]): Promise<Answers | null> {
  let res: Record<string, unknown>;
  try {
    // Called before any await of ours: WeChat only opens the sheet from inside the user's tap.
    res = (await Taro.requestSubscribeMessage({
      tmplIds,
    } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>;
  } catch {
    return null;
  }
  const answers: Answers = {};
  for (const id of tmplIds) {
    const parsed = SubscribeResult.safeParse(res?.[id]);
    if (parsed.success) answers[id] = parsed.data;
  }
  return answers;
}

/** The H5 demo's stand-in for WeChat's sheet, only against a BFF that allows the dev login (mock WeChat). */
async function askInBrowser(items: OfferedTemplate[]): Promise<Answers | null> {
  if (!(await authOptions()).devLogin) return null;
  const r = await Taro.showModal({
    title: '接收通知',
    content: `允许后可收到：${items.map((t) => t.title).join('、')}`,
    confirmText: '允许',
    cancelText: '取消',
  });
  const answer: SubscribeResult = r.confirm ? 'accept' : 'reject';
  return Object.fromEntries(items.map((t) => [t.templateId, answer]));
}

/**
 * Asks for consent to the offered templates and records the answers; the BFF's answer, or null when
 * nothing was asked or recorded. Call it first thing in the tap handler and do not await it: it
 * never throws and must not hold up the page's own action. A null offer (still loading) asks nothing.
 */
export async function askConsent(
  scene: NotifyScene,
  offer: NotifyOffer | null,
  onAnswered?: () => void,
): Promise<SubscribeConsentResponse | null> {
  if (!offer || offer.scene !== scene || offer.items.length === 0) return null;
  const items = offer.items.slice(0, MAX_TEMPLATES_PER_REQUEST);
  let answers: Answers | null;
  try {
    const asking = IS_H5 ? askInBrowser(items) : askWechat(items.map((t) => t.templateId));
    answers = await asking;
  } catch {
    return null;
  }
  onAnswered?.();
  if (!answers || Object.keys(answers).length === 0) return null;
  try {
    return await request({
      method: 'POST',
      path: '/notifications/consents',
      data: { scene, results: answers },
      headers: authHeader(offer.token),
      schema: SubscribeConsentResponse,
      silent: true,
    });
  } catch {
    return null;
  }
}

/**
 * For actions that should follow the sheet (提交订单: WeChat's payment sheet must not open over
 * the subscription sheet, and the H5 dialog would be torn down by the next page): resolves once the
 * user has answered, or asking failed; the answers are recorded in the background. Call it first
 * thing in the tap handler, like askConsent.
 */
export function answerConsent(scene: NotifyScene, offer: NotifyOffer | null): Promise<void> {
  return new Promise((answered) => {
    void askConsent(scene, offer, answered).finally(answered);
  });
}

/** The offer narrowed to the events an order of `type` can produce. */
export function offerForOrder(offer: NotifyOffer | null, type: 'delivery' | 'pickup'): NotifyOffer | null {
  if (!offer) return null;
  const skip: string[] =
    type === 'delivery'
      ? ['ready_for_pickup']
      : ['out_for_delivery', 'delivered', 'delivery_failed', 'slot_changed'];
  return { ...offer, items: offer.items.filter((i) => !skip.includes(i.event)) };
}

/** 消息通知: one row per event that reaches the signed-in shopper. */
export async function listPreferences(): Promise<NotifyPreference[]> {
  return (
    await request({ path: '/notifications/preferences', schema: NotifyPreferencesResponse, silent: true })
  ).items;
}

/** Turns one event's messages on or off; the updated row. */
export function setPreference(event: NotifyEvent, enabled: boolean): Promise<NotifyPreference> {
  return request({
    method: 'PUT',
    path: `/notifications/preferences/${event}`,
    data: { enabled },
    schema: NotifyPreference,
    silent: true,
  });
}
