import { In } from 'typeorm';
import type { AddressListResponse, Order, SavedAddress, SlotsResponse } from '@omni/shared-types';
import { AddressEntity } from '../src/modules/addresses/address.entity';
import { OrderEntity } from '../src/modules/orders/order.entity';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, key, zonePoint } from './fixtures';

describe.each(DB_TARGETS)('address book on $name', (target) => {
  let t: TestApp;
  let clock: MutableClock;
  let n = 0;
  const here = zonePoint(0);

  /** A consumer of their own, so every case starts with an empty book. */
  const consumer = async () => `Bearer ${(await t.login('consumer', { openid: `addr-${++n}` })).token}`;
  const body = (extra: Record<string, unknown> = {}) => ({
    contactName: '张小姐',
    phone: '13800001234',
    address: '上海市静安区南京西路 1515 号',
    detail: '3 楼 301',
    lat: here.lat,
    lng: here.lng,
    tag: '家',
    ...extra,
  });
  const create = (who: string, extra: Record<string, unknown> = {}) =>
    t.http.post('/api/v1/me/addresses').set('Authorization', who).send(body(extra));
  const list = async (who: string): Promise<SavedAddress[]> =>
    (
      (await t.http.get('/api/v1/me/addresses').set('Authorization', who).expect(200))
        .body as AddressListResponse
    ).items;
  const stored = () => t.container.db.getRepository(AddressEntity).count();

  beforeAll(async () => {
    clock = new MutableClock(new Date(MORNING));
    t = await startTestApp(target, { clock, env: { JOBS_INTERVAL_S: '0' } });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => clock.set(MORNING));

  it('saves, reads, edits and deletes an address; the list masks the phone, the detail does not', async () => {
    const me = await consumer();
    const created = await create(me).expect(201);
    const a = created.body as SavedAddress;
    expect(a).toMatchObject({
      contactName: '张小姐',
      phone: '13800001234',
      address: '上海市静安区南京西路 1515 号',
      detail: '3 楼 301',
      tag: '家',
      lat: here.lat,
      lng: here.lng,
      isDefault: true,
      lastUsedAt: null,
    });
    expect(await list(me)).toEqual([{ ...a, phone: '138****1234' }]);
    const detail = await t.http.get(`/api/v1/me/addresses/${a.id}`).set('Authorization', me).expect(200);
    expect(detail.body.phone).toBe('13800001234');

    clock.advanceMin(5);
    const edited = await t.http
      .patch(`/api/v1/me/addresses/${a.id}`)
      .set('Authorization', me)
      .send({ contactName: '李先生', phone: '13912345678', tag: '公司', detail: '' })
      .expect(200);
    expect(edited.body).toMatchObject({
      contactName: '李先生',
      phone: '13912345678',
      tag: '公司',
      detail: null,
    });
    expect(edited.body.updatedAt).not.toBe(a.updatedAt);

    await t.http.delete(`/api/v1/me/addresses/${a.id}`).set('Authorization', me).expect(204);
    expect(await list(me)).toEqual([]);
    const gone = await t.http.get(`/api/v1/me/addresses/${a.id}`).set('Authorization', me).expect(404);
    expect(gone.body.error.code).toBe('SAVED_ADDRESS_NOT_FOUND');
  });

  it("answers 404 for another customer's address and leaves it untouched", async () => {
    const alice = await consumer();
    const bob = await consumer();
    const a = (await create(alice).expect(201)).body as SavedAddress;
    for (const req of [
      t.http.get(`/api/v1/me/addresses/${a.id}`),
      t.http.patch(`/api/v1/me/addresses/${a.id}`).send({ contactName: '小偷' }),
      t.http.patch(`/api/v1/me/addresses/${a.id}`).send({ isDefault: true }),
      t.http.delete(`/api/v1/me/addresses/${a.id}`),
      t.http.get('/api/v1/me/addresses/999999'),
    ]) {
      const res = await req.set('Authorization', bob).expect(404);
      expect(res.body.error.code).toBe('SAVED_ADDRESS_NOT_FOUND');
    }
    expect(await list(bob)).toEqual([]);
    expect((await list(alice))[0]).toMatchObject({ id: a.id, contactName: '张小姐', isDefault: true });
  });

  it('is for signed-in customers only', async () => {
    await t.http.get('/api/v1/me/addresses').expect(401);
    await t.http.post('/api/v1/me/addresses').send(body()).expect(401);
    const before = await stored();
    for (const role of ['staff', 'courier', 'admin'] as const) {
      const extra = role === 'staff' ? { storeId: 1 } : role === 'courier' ? { courierId: 1 } : {};
      const who = `Bearer ${(await t.login(role, extra)).token}`;
      const res = await t.http.get('/api/v1/me/addresses').set('Authorization', who).expect(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      await t.http.post('/api/v1/me/addresses').set('Authorization', who).send(body()).expect(403);
    }
    expect(await stored()).toBe(before);
  });

  it('keeps exactly one default: the first address, a new default, and a promoted one after delete', async () => {
    const me = await consumer();
    const first = (await create(me, { tag: '家' }).expect(201)).body as SavedAddress;
    clock.advanceMin(1);
    const second = (await create(me, { tag: '公司' }).expect(201)).body as SavedAddress;
    expect(second.isDefault).toBe(false);
    clock.advanceMin(1);
    const third = (await create(me, { tag: '学校', isDefault: true }).expect(201)).body as SavedAddress;
    expect(third.isDefault).toBe(true);
    expect((await list(me)).map((a) => [a.id, a.isDefault])).toEqual([
      [third.id, true],
      [second.id, false],
      [first.id, false],
    ]);

    await t.http
      .patch(`/api/v1/me/addresses/${first.id}`)
      .set('Authorization', me)
      .send({ isDefault: true })
      .expect(200);
    expect((await list(me)).filter((a) => a.isDefault).map((a) => a.id)).toEqual([first.id]);

    const unset = await t.http
      .patch(`/api/v1/me/addresses/${first.id}`)
      .set('Authorization', me)
      .send({ isDefault: false })
      .expect(409);
    expect(unset.body.error.code).toBe('DEFAULT_ADDRESS_REQUIRED');

    // Deleting the default promotes the most recently added one (third), not the older second.
    await t.http.delete(`/api/v1/me/addresses/${first.id}`).set('Authorization', me).expect(204);
    expect((await list(me)).map((a) => [a.id, a.isDefault])).toEqual([
      [third.id, true],
      [second.id, false],
    ]);
  });

  it('leaves exactly one default when many addresses are made default at once', async () => {
    const me = await consumer();
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(((await create(me).expect(201)).body as SavedAddress).id);
    const answers = await Promise.all(
      ids.map((id) =>
        t.http.patch(`/api/v1/me/addresses/${id}`).set('Authorization', me).send({ isDefault: true }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(ids.map(() => 200));
    const defaults = (await list(me)).filter((a) => a.isDefault);
    expect(defaults).toHaveLength(1);
    const rows = await t.container.db.getRepository(AddressEntity).findBy({ id: In(ids) });
    expect(rows.filter((r) => r.defaultUserId !== null).map((r) => r.id)).toEqual([defaults[0].id]);
  });

  it('refuses the 21st address with ADDRESS_LIMIT, also when they arrive at once', async () => {
    const me = await consumer();
    for (let i = 0; i < 15; i++) await create(me, { tag: `第${i}` }).expect(201);
    const burst = await Promise.all(Array.from({ length: 8 }, () => create(me)));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(5);
    const refused = burst.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual(
      refused.map(() => [409, 'ADDRESS_LIMIT']),
    );
    expect(await list(me)).toHaveLength(20);
    expect((await list(me)).filter((a) => a.isDefault)).toHaveLength(1);
  });

  it.each([
    ['an emoji in the name', { contactName: '张😀' }, 'contactName', '收货人不能包含表情符号'],
    ['an emoji in the address', { address: '南京西路 1515 号🏠' }, 'address', '地址不能包含表情符号'],
    ['a flag in the detail', { detail: '3 楼🇨🇳' }, 'detail', '门牌号不能包含表情符号'],
    ['a control character', { address: '南京西路\u0000 1515 号' }, 'address', '地址不能包含控制字符或换行'],
    ['a line break in the name', { contactName: '张\n小姐' }, 'contactName', '收货人不能包含控制字符或换行'],
    ['a 300-character address', { address: '路'.repeat(300) }, 'address', '地址最多 120 个字'],
    ['121 characters of address', { address: '路'.repeat(121) }, 'address', '地址最多 120 个字'],
    ['21 characters of name', { contactName: '张'.repeat(21) }, 'contactName', '收货人最多 20 个字'],
    ['61 characters of detail', { detail: '室'.repeat(61) }, 'detail', '门牌号最多 60 个字'],
    ['an empty name', { contactName: '   ' }, 'contactName', '请填写收货人'],
    ['a landline', { phone: '02161234567' }, 'phone', undefined],
    ['a mobile number starting 12', { phone: '12800001234' }, 'phone', undefined],
    ['a phone with 12 digits', { phone: '138000012345' }, 'phone', undefined],
    ['a latitude out of range', { lat: 91 }, 'lat', '位置不在中国境内'],
    ['a point in Europe', { lat: 48.85, lng: 2.35 }, 'lng', '位置不在中国境内'],
    ['a longitude as text', { lng: '121.4' }, 'lng', '经度必须是数字'],
    ['an unknown field', { isAdmin: true }, '(body)', undefined],
  ])('refuses %s with 400 ADDRESS_INVALID and stores nothing', async (_what, extra, path, message) => {
    const me = await consumer();
    const res = await create(me, extra).expect(400);
    expect(res.body.error.code).toBe('ADDRESS_INVALID');
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
    if (message) expect(res.body.error.message).toBe(message);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await list(me)).toEqual([]);
  });

  it('counts characters, not bytes: 120 Chinese characters and 20-character names are kept whole', async () => {
    const me = await consumer();
    const res = await create(me, { address: '路'.repeat(120), contactName: '𠀀'.repeat(20) }).expect(201);
    expect(res.body.address).toBe('路'.repeat(120));
    expect(res.body.contactName).toBe('𠀀'.repeat(20));
  });

  it('refuses bad edits and changes nothing', async () => {
    const me = await consumer();
    const a = (await create(me).expect(201)).body as SavedAddress;
    for (const patch of [
      {},
      { address: '🏠🏠' },
      { lat: 31.2 },
      { phone: '1380000' },
      { contactName: 'x'.repeat(21) },
    ]) {
      const res = await t.http
        .patch(`/api/v1/me/addresses/${a.id}`)
        .set('Authorization', me)
        .send(patch)
        .expect(400);
      expect(res.body.error.code).toBe('ADDRESS_INVALID');
    }
    await t.http.patch('/api/v1/me/addresses/abc').set('Authorization', me).send({ tag: '家' }).expect(400);
    const now = await t.http.get(`/api/v1/me/addresses/${a.id}`).set('Authorization', me).expect(200);
    expect(now.body).toEqual(a);
  });

  describe('at checkout', () => {
    const slotsAt = async (who: string, p: { lat: number; lng: number }): Promise<SlotsResponse> =>
      (
        await t.http
          .get('/api/v1/slots')
          .query({ lat: p.lat, lng: p.lng, date: DAY })
          .set('Authorization', who)
          .expect(200)
      ).body;
    const inStock = async (storeId: number): Promise<number> =>
      (
        await t.container.db.getRepository(StockEntity).find({ where: { storeId }, order: { id: 'ASC' } })
      ).find((s) => s.quantity >= 3)!.productId;

    it('places a delivery order from a saved address, copies it, and marks it used', async () => {
      const me = await consumer();
      const a = (await create(me).expect(201)).body as SavedAddress;
      const { zone, slots } = await slotsAt(me, a);
      const productId = await inStock(zone.storeId);
      clock.advanceMin(3);
      const res = await t.http
        .post('/api/v1/orders')
        .set('Authorization', me)
        .set('Idempotency-Key', key())
        .send({ type: 'delivery', slotId: slots[2].id, addressId: a.id, items: [{ productId, quantity: 1 }] })
        .expect(201);
      const o = res.body as Order;
      expect(o.storeId).toBe(zone.storeId);
      const row = await t.container.db.getRepository(OrderEntity).findOneByOrFail({ id: o.id });
      expect(row).toMatchObject({
        contactName: '张小姐',
        contactPhone: '13800001234',
        addressText: '上海市静安区南京西路 1515 号',
        addressDetail: '3 楼 301',
        lat: a.lat,
        lng: a.lng,
      });
      const [used] = await list(me);
      expect(used.lastUsedAt).toBe(clock.now().toISOString());

      // The order keeps its own copy: editing or deleting the address leaves it as it was.
      await t.http
        .patch(`/api/v1/me/addresses/${a.id}`)
        .set('Authorization', me)
        .send({ contactName: '别人' })
        .expect(200);
      await t.http.delete(`/api/v1/me/addresses/${a.id}`).set('Authorization', me).expect(204);
      expect(
        (await t.container.db.getRepository(OrderEntity).findOneByOrFail({ id: o.id })).contactName,
      ).toBe('张小姐');
    });

    it("refuses another customer's address id, or both an address and an id, and reserves nothing", async () => {
      const alice = await consumer();
      const bob = await consumer();
      const a = (await create(alice).expect(201)).body as SavedAddress;
      const { zone, slots } = await slotsAt(bob, a);
      const productId = await inStock(zone.storeId);
      const before = await t.container.db.getRepository(OrderEntity).count();
      const theirs = await t.http
        .post('/api/v1/orders')
        .set('Authorization', bob)
        .set('Idempotency-Key', key())
        .send({ type: 'delivery', slotId: slots[2].id, addressId: a.id, items: [{ productId, quantity: 1 }] })
        .expect(404);
      expect(theirs.body.error.code).toBe('SAVED_ADDRESS_NOT_FOUND');
      const both = await t.http
        .post('/api/v1/orders')
        .set('Authorization', alice)
        .set('Idempotency-Key', key())
        .send({
          type: 'delivery',
          slotId: slots[2].id,
          addressId: a.id,
          address: { ...body(), tag: undefined },
          items: [{ productId, quantity: 1 }],
        })
        .expect(400);
      expect(both.body.error.code).toBe('VALIDATION_FAILED');
      expect(await t.container.db.getRepository(OrderEntity).count()).toBe(before);
      expect((await list(alice))[0].lastUsedAt).toBeNull();
    });
  });
});
