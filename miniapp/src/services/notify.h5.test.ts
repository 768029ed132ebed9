import Taro from '@tarojs/taro';
import { session } from '../../test/fixtures';
import { askConsent, loadOffer } from './notify';
import { saveSession } from './session';

// The H5 build (jest's default): no requestSubscribeMessage; a modal stands in for WeChat's sheet,
// and only against a BFF that allows the dev login (the demo with mock WeChat).
const mockRequest = Taro.request as unknown as jest.Mock;
const modal = Taro.showModal as unknown as jest.Mock;

type Call = { url: string; method: string; data?: unknown };

const offered = [
  { templateId: 'T-case', event: 'aftersales_opened', title: '售后申请已提交' },
  { templateId: 'T-done', event: 'aftersales_resolved', title: '售后已处理' },
];

function serve(devLogin: boolean) {
  mockRequest.mockImplementation((call: Call) => {
    if (call.url.endsWith('/auth/options'))
      return Promise.resolve({ statusCode: 200, data: { devLogin, smsLogin: false, wechatWeb: false } });
    if (call.url.includes('/notifications/templates'))
      return Promise.resolve({ statusCode: 200, data: { items: offered } });
    if (call.url.endsWith('/notifications/consents'))
      return Promise.resolve({ statusCode: 200, data: { accepted: 2, ignored: [], allowances: [] } });
    return Promise.resolve({ statusCode: 404, data: {} });
  });
}

const consentCalls = () =>
  mockRequest.mock.calls.map(([c]) => c as Call).filter((c) => c.url.endsWith('/notifications/consents'));

beforeEach(() => saveSession(session()));

describe('subscription consent (H5)', () => {
  it('shows the stand-in sheet with the templates’ titles and posts accept for each', async () => {
    serve(true);
    const r = await askConsent('aftersales', await loadOffer('aftersales'));

    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '接收通知', confirmText: '允许', cancelText: '取消' }),
    );
    const content = (modal.mock.calls[0][0] as { content: string }).content;
    expect(content).toContain('售后申请已提交');
    expect(content).toContain('售后已处理');
    expect(r?.accepted).toBe(2);
    expect(consentCalls()[0]).toMatchObject({
      method: 'POST',
      data: { scene: 'aftersales', results: { 'T-case': 'accept', 'T-done': 'accept' } },
    });
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('posts reject for each when the stand-in sheet is cancelled', async () => {
    serve(true);
    modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    await askConsent('aftersales', await loadOffer('aftersales'));
    expect(consentCalls()[0].data).toEqual({
      scene: 'aftersales',
      results: { 'T-case': 'reject', 'T-done': 'reject' },
    });
  });

  it('does nothing where the BFF does not allow the dev login', async () => {
    serve(false);
    expect(await askConsent('aftersales', await loadOffer('aftersales'))).toBeNull();
    expect(modal).not.toHaveBeenCalled();
    expect(consentCalls()).toHaveLength(0);
  });
});
