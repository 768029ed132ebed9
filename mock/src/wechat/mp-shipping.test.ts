import { MP_OPENID, mpKit, SHIP } from './mp-test-kit';

const kit = mpKit();
beforeEach(() => kit.start());
afterEach(() => kit.close());
const upload = (body: unknown, tok?: string) => kit.api(SHIP, body, tok);

/** A 同城配送 (logistics_type 2) upload of transaction `tx`, `extra` overriding fields. */
const cityDelivery = (tx: string, extra: Record<string, unknown> = {}) => ({
  order_key: { order_number_type: 2, transaction_id: tx },
  logistics_type: 2,
  delivery_mode: 1,
  shipping_list: [{ item_desc: '鲜牛奶*2瓶；全麦面包*1个', contact: { receiver_contact: '138****1234' } }],
  upload_time: '2024-05-01T09:30:00.120+08:00',
  payer: { openid: MP_OPENID },
  ...extra,
});
const express = (extra: Record<string, unknown> = {}) => ({
  ...cityDelivery('4200002203202406286386363583'),
  logistics_type: 1,
  shipping_list: [{ tracking_no: 'SF1234567890', express_company: 'SF', item_desc: '礼盒*1', ...extra }],
});

describe('upload_shipping_info (发货信息录入)', () => {
  it('records an accepted 同城配送 upload and refuses a second one for the same payment', async () => {
    const body = cityDelivery('4200002203202406286386363583');
    expect(await upload(body)).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(kit.mock.shipments).toEqual([{ ...body, at: expect.any(String) }]);
    expect((await kit.request('GET', '/__mock/shipping')).json).toEqual({ items: kit.mock.shipments });

    expect(await upload({ ...body, upload_time: '2024-05-01T10:00:00+08:00' })).toEqual({
      errcode: 10060002,
      errmsg: '支付单已完成发货，无法继续发货',
    });
    expect(kit.mock.stats()).toMatchObject({ uploads: 1, rejected: { 10060002: 1 } });
  });

  it('takes merchant order numbers (order_number_type 1) and an express parcel', async () => {
    const byTradeNo = {
      ...express(),
      order_key: { order_number_type: 1, mchid: '1900000109', out_trade_no: 'SO20240501-0001' },
    };
    expect((await upload(byTradeNo)).errcode).toBe(0);
  });

  it('answers 10060001 for a payment WeChat does not know', async () => {
    expect(await upload(cityDelivery('missing-4200'))).toEqual({ errcode: 10060001, errmsg: '支付单不存在' });
    await kit.post('/__mock/shipping/missing', { transaction_id: '4200000000000000000001' });
    expect((await upload(cityDelivery('4200000000000000000001'))).errcode).toBe(10060001);
    expect(kit.mock.shipments).toEqual([]);
  });

  it.each([
    ['two parcels in 统一发货', { shipping_list: [{ item_desc: 'a' }, { item_desc: 'b' }] }, 268485228],
    ['no parcel in 统一发货', { shipping_list: [] }, 268485228],
    ['分拆发货 for 同城配送', { delivery_mode: 2, is_all_delivered: true }, 10060006],
    ['an unknown logistics_type', { logistics_type: 5 }, 10060005],
    ['an unknown delivery_mode', { delivery_mode: 3 }, 268485224],
    ['an unknown order_number_type', { order_key: { order_number_type: 3 } }, 268485194],
    ['type 2 without transaction_id', { order_key: { order_number_type: 2 } }, 268485195],
    ['type 1 without mchid', { order_key: { order_number_type: 1, out_trade_no: 'SO1' } }, 268485196],
    ['type 1 without out_trade_no', { order_key: { order_number_type: 1, mchid: '1900000109' } }, 268485197],
    ['shipping_list as an object', { shipping_list: { item_desc: 'a' } }, 47001],
    ['no item_desc', { shipping_list: [{}] }, 10060008],
    ['a 121-character item_desc', { shipping_list: [{ item_desc: '奶'.repeat(121) }] }, 10060009],
    [
      'an unmasked receiver phone',
      { shipping_list: [{ item_desc: 'a', contact: { receiver_contact: '13800138000' } }] },
      10060014,
    ],
    [
      'an unmasked consignor phone',
      { shipping_list: [{ item_desc: 'a', contact: { consignor_contact: '+86-13800138000' } }] },
      10060014,
    ],
    ['no payer openid', { payer: {} }, 10060014],
  ])('refuses %s', async (_what, extra, errcode) => {
    expect((await upload(cityDelivery('4200002203202406286386363583', extra))).errcode).toBe(errcode);
  });

  it.each([
    '2023-05-18 18:48:35',
    '2023-05-18T18:48:35.120 08:00',
    '2023-05-18T18:48:35',
    '1693564249',
    20230518,
  ])('refuses upload_time %j with 268485216', async (upload_time) => {
    expect(await upload(cityDelivery('4200002203202406286386363583', { upload_time }))).toEqual({
      errcode: 268485216,
      errmsg: '上传时间非法，请按照 RFC 3339 格式填写',
    });
  });

  it.each(['2022-12-15T13:29:35.120+08:00', '2022-12-15T05:29:35Z', '2022-12-15T13:29:35+08:00'])(
    'takes upload_time %s',
    async (upload_time) => {
      expect((await upload(cityDelivery('4200002203202406286386363583', { upload_time }))).errcode).toBe(0);
    },
  );

  it('wants a tracking number and a carrier for express only', async () => {
    expect(await upload(express({ tracking_no: undefined }))).toMatchObject({ errcode: 268485226 });
    expect(await upload(express({ express_company: undefined }))).toMatchObject({ errcode: 268485227 });
    expect((await upload(express())).errcode).toBe(0);
  });

  it('checks the token first', async () => {
    expect((await kit.post(SHIP, cityDelivery('4200'))).json.errcode).toBe(41001);
    expect((await upload(cityDelivery('4200'), 'forged')).errcode).toBe(40001);
  });
});
