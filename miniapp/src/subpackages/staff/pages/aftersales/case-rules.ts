import type { AftersalesCase, CaseStatus } from '@omni/shared-types';

/** Tabs of the staff after-sales list and the case states each holds. */
export const CASE_TABS = [
  { key: 'todo', label: '待处理', states: ['submitted'] },
  { key: 'doing', label: '处理中', states: ['approved', 'in_progress'] },
  { key: 'refunding', label: '退款中', states: ['refunding'] },
  { key: 'done', label: '已完成', states: ['resolved'] },
  { key: 'rejected', label: '已驳回', states: ['rejected'] },
] as const satisfies ReadonlyArray<{ key: string; label: string; states: readonly CaseStatus[] }>;

/** Key of a tab (`data-key` of `staff-case-tab`). */
export type CaseTabKey = (typeof CASE_TABS)[number]['key'];

/** A staff decision (`POST /aftersales/:id/:action`). */
export type CaseAction = 'approve' | 'reject' | 'progress' | 'resolve';

/** Button text of each decision. */
export const ACTION_TEXT: Record<CaseAction, string> = {
  approve: '同意',
  reject: '驳回',
  progress: '开始处理',
  resolve: '完成',
};

/** What staff may do next with a case in this state (the BFF's rules, in the order shown). */
export function nextActions(status: CaseStatus): CaseAction[] {
  if (status === 'submitted') return ['approve', 'reject'];
  if (status === 'approved') return ['progress', 'resolve', 'reject'];
  if (status === 'in_progress') return ['resolve'];
  return [];
}

/** Whether completing the case pays money back (a refund or return with an amount). */
export function paysBack(c: AftersalesCase): boolean {
  return (c.type === 'refund' || c.type === 'return') && (c.refundFen ?? 0) > 0;
}
