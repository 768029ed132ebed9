import Taro from '@tarojs/taro';
import { session } from '../../test/fixtures';
import { askConsent, loadOffer, type NotifyOffer } from './notify';
import { saveSession } from './session';

// The mini-program build: WeChat's own subscription sheet (the H5 stand-in is in notify.h5.test.ts).
jest.mock('../config', () => ({ ...jest.requireActual('../config'), IS_H5: false }));

const mockRequest = Taro.request as unknown as jest.Mock;
const subscribe = Taro.requestSubscribeMessage as unknown as jest.Mock;

type Call = { url: string; method: string; data?: unknown; header: Record<string, string> };

const offered = [
  { templateId: 'T-paid', event: 'order_paid', title: '订单支付成功' },
  { templateId: 'T-out', event: 'out_for_delivery', title: '订单配送中' },
  { templateId: 'T-done', event: 'delivered', title: '订单已送达' },
];

function answer(call: Call) {
  if (call.url.includes('/notifications/templates'))
    return { statusCode: 200, data: { items: offered }, header: {} };
  if (call.url.endsWith('/notifications/consents'))
    return {
      statusCode: 200,
      data: {
        accepted: 1,
        ignored: [],
        allowances: [{ templateId: 'T-paid', event: 'order_paid', remaining: 1 }],
      },
      header: {},
    };
  return { statusCode: 404, data: {}, header: {} };
}

const consentCalls = () =>
  mockRequest.mock.calls.map(([c]) => c as Call).filter((c) => c.url.endsWith('/notifications/consents'));

beforeEach(() => {
  saveSession(session());
  mockRequest.mockImplementation((call: Call) => Promise.resolve(answer(call)));
});

describe('subscription consent (mini-program)', () => {
  it('loads the offer of a scene with the shopper’s token', async () => {
    const offer = await loadOffer('checkout');
    expect(offer.items.map((t) => t.templateId)).toEqual(['T-paid', 'T-out', 'T-done']);
    const [call] = mockRequest.mock.calls[0] as [Call];
    expect(call.url).toBe('/api/v1/notifications/templates?scene=checkout');
    expect(call.header.Authorization).toBe('Bearer tok-1');
  });

  it('treats a failed offer as nothing to ask for, without a toast', async () => {
    mockRequest.mockImplementation(() => Promise.reject({ errMsg: 'request:fail' }));
    const offer = await loadOffer('checkout');
    expect(offer.items).toEqual([]);
    expect(await askConsent('checkout', offer)).toBeNull();
    expect(subscribe).not.toHaveBeenCalled();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('asks WeChat for the offered templates and posts each answer', async () => {
    subscribe.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'T-paid': 'accept',
      'T-out': 'reject',
      'T-done': 'ban',
    });
    const offer = await loadOffer('checkout');
    const done = askConsent('checkout', offer);
    // Synchronously, inside the caller's tap: WeChat refuses the sheet after an await.
    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['T-paid', 'T-out', 'T-done'] });

    expect((await done)?.accepted).toBe(1);
    expect(consentCalls()).toHaveLength(1);
    expect(consentCalls()[0]).toMatchObject({
      method: 'POST',
      data: { scene: 'checkout', results: { 'T-paid': 'accept', 'T-out': 'reject', 'T-done': 'ban' } },
    });
  });

  it('passes on filter and leaves out answers WeChat did not give', async () => {
    subscribe.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'T-paid': 'filter',
      'T-out': 'odd',
    });
    await askConsent('checkout', await loadOffer('checkout'));
    expect(consentCalls()[0].data).toEqual({ scene: 'checkout', results: { 'T-paid': 'filter' } });
  });

  it('posts nothing when the user switched subscriptions off (20004) or WeChat fails', async () => {
    const offer = await loadOffer('handoff');
    subscribe.mockRejectedValueOnce({
      errCode: 20004,
      errMsg: 'requestSubscribeMessage:fail main switch is off',
    });
    expect(await askConsent('handoff', offer)).toBeNull();
    subscribe.mockRejectedValueOnce({ errCode: 10002, errMsg: 'requestSubscribeMessage:fail network error' });
    expect(await askConsent('handoff', offer)).toBeNull();
    expect(subscribe).toHaveBeenCalledTimes(2);
    expect(consentCalls()).toHaveLength(0);
  });

  it('asks nothing while the offer is loading or when it is empty', async () => {
    expect(await askConsent('checkout', null)).toBeNull();
    const empty: NotifyOffer = { scene: 'checkout', items: [] };
    expect(await askConsent('checkout', empty)).toBeNull();
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('swallows a failed consent post', async () => {
    subscribe.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'T-paid': 'accept' });
    const offer = await loadOffer('checkout');
    mockRequest.mockImplementation(() => Promise.resolve({ statusCode: 500, data: {}, header: {} }));
    await expect(askConsent('checkout', offer)).resolves.toBeNull();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('uses a workbench’s own token for the offer and the consent', async () => {
    subscribe.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'T-paid': 'accept' });
    const offer = await loadOffer('staff', 'staff-token');
    await askConsent('staff', offer);
    const calls = mockRequest.mock.calls.map(([c]) => c as Call);
    expect(calls.map((c) => c.header.Authorization)).toEqual(['Bearer staff-token', 'Bearer staff-token']);
    expect(consentCalls()[0].data).toMatchObject({ scene: 'staff' });
  });
});
