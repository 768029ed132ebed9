import type { AftersalesCase } from '@omni/shared-types';

/** A store-2 refund case (¥129.00, due in 2 h 5 min) for the 售后处理 tests. */
export function aCase(overrides: Partial<AftersalesCase> = {}): AftersalesCase {
  return {
    id: 3,
    caseNo: 'AS0003',
    orderId: 11,
    orderNo: '202612070001',
    storeId: 2,
    type: 'refund',
    status: 'submitted',
    reason: '面霜漏液',
    lines: [{ productId: 1, name: '修护面霜', quantity: 1 }],
    refundFen: 12900,
    slaDueAt: new Date(Date.now() + 2 * 3_600_000 + 5 * 60_000).toISOString(),
    overdue: false,
    createdAt: new Date().toISOString(),
    timeline: [{ status: 'submitted', at: new Date().toISOString(), actor: 'customer', note: '面霜漏液' }],
    ...overrides,
  };
}
