import { feeRemainingFen, refundBody, refundPreview, refundableLines } from './refund-preview';
import { orderDetail, refundOf } from './fixtures';

describe('refund preview', () => {
  it('refunds every unit and the delivery fee for the whole order', () => {
    const p = refundPreview(orderDetail(), { mode: 'all', quantities: {}, includeFee: true });
    expect(p.lines.map((l) => [l.productId, l.quantity, l.amountFen])).toEqual([
      [11, 2, 2500],
      [12, 1, 3000],
    ]);
    expect(p.feeFen).toBe(600);
    expect(p.totalFen).toBe(6100);
  });

  it('prices chosen units at their unit price and leaves the fee out unless asked', () => {
    const p = refundPreview(orderDetail(), { mode: 'lines', quantities: { 11: 1 }, includeFee: false });
    expect(p.lines).toEqual([{ productId: 11, name: '香皂', quantity: 1, amountFen: 1250 }]);
    expect(p.totalFen).toBe(1250);
  });

  it('gives the last units of a line what is left of it, as the BFF does', () => {
    // One soap was refunded for 1249 fen (an odd amount): the last one takes the remaining 1251.
    const o = orderDetail({
      refunds: [
        refundOf({ amountFen: 1249, lines: [{ productId: 11, name: '香皂', quantity: 1, amountFen: 1249 }] }),
      ],
    });
    expect(refundableLines(o)[0]).toMatchObject({ refundedQty: 1, refundedFen: 1249, remaining: 1 });
    const p = refundPreview(o, { mode: 'lines', quantities: { 11: 5 }, includeFee: false });
    expect(p.lines).toEqual([{ productId: 11, name: '香皂', quantity: 1, amountFen: 1251 }]);
  });

  it('counts the fee and units of earlier refunds, but not of closed ones', () => {
    const o = orderDetail({
      refunds: [
        refundOf({
          id: 1,
          feeFen: 600,
          amountFen: 3600,
          lines: [{ productId: 12, name: '毛巾', quantity: 1, amountFen: 3000 }],
        }),
        refundOf({
          id: 2,
          status: 'closed',
          amountFen: 2500,
          lines: [{ productId: 11, name: '香皂', quantity: 2, amountFen: 2500 }],
        }),
      ],
    });
    expect(feeRemainingFen(o)).toBe(0);
    const p = refundPreview(o, { mode: 'all', quantities: {}, includeFee: true });
    expect(p.lines.map((l) => l.productId)).toEqual([11]);
    expect(p.totalFen).toBe(2500);
  });

  it('sends lines only for a partial refund, with the previewed amount as a guard', () => {
    const o = orderDetail();
    const part = { mode: 'lines' as const, quantities: { 11: 2, 12: 0 }, includeFee: true };
    expect(refundBody(' 破损 ', part, refundPreview(o, part))).toEqual({
      reason: '破损',
      lines: [{ productId: 11, quantity: 2 }],
      includeFee: true,
      amountFen: 3100,
    });
    const all = { mode: 'all' as const, quantities: {}, includeFee: false };
    expect(refundBody('缺货', all, refundPreview(o, all))).toEqual({
      reason: '缺货',
      includeFee: false,
      amountFen: 5500,
    });
  });
});
