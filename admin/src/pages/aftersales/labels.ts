// Chinese names and colours of after-sales case types, states and the decisions staff take.
import type { AdminCaseAction, CaseStatus, CaseType } from '@omni/shared-types';

export const CASE_TYPE_TEXT: Record<CaseType, string> = {
  return: '退货退款',
  refund: '仅退款',
  exchange: '换货',
  complaint: '投诉',
  inquiry: '人工咨询',
};

export const CASE_STATUS: Record<CaseStatus, { text: string; color: string }> = {
  submitted: { text: '已提交', color: 'orange' },
  approved: { text: '已同意', color: 'blue' },
  rejected: { text: '已拒绝', color: 'default' },
  in_progress: { text: '处理中', color: 'processing' },
  refunding: { text: '退款中', color: 'purple' },
  resolved: { text: '已完成', color: 'green' },
};

/** Who moved a case, as the timeline records it. */
export const ACTOR_TEXT: Record<string, string> = {
  consumer: '顾客',
  customer: '顾客',
  staff: '门店',
  admin: '品牌管理员',
  system: '系统',
  bot: '客服机器人',
};

/** The states still waiting for someone (the queue's default view). */
export const OPEN_STATUSES: CaseStatus[] = ['submitted', 'approved', 'in_progress', 'refunding'];

/** Each decision: its button text, the states it moves from (as the BFF's rules), and whether it needs a reason. */
export const ACTIONS: Record<
  AdminCaseAction,
  { text: string; from: CaseStatus[]; needsReason: boolean; danger?: boolean }
> = {
  approve: { text: '同意', from: ['submitted'], needsReason: false },
  progress: { text: '开始处理', from: ['approved'], needsReason: false },
  resolve: { text: '完成', from: ['submitted', 'approved', 'in_progress'], needsReason: false },
  reject: { text: '拒绝', from: ['submitted', 'approved'], needsReason: true, danger: true },
};

/** The decisions open to a case in `status`, in the order the buttons show. */
export const actionsFor = (status: CaseStatus): AdminCaseAction[] =>
  (['approve', 'progress', 'resolve', 'reject'] as const).filter((a) => ACTIONS[a].from.includes(status));
