import * as T from '@omni/shared-types';
import type { ApiOperation } from '../../http/openapi';

const BOTH: T.Role[] = ['admin', 'store_manager'];

/** The back office's after-sales routes, listed in API_OPERATIONS. */
export const AFTERSALES_ADMIN_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/admin/aftersales',
    summary:
      '售后工单队列（status 可逗号分隔多个；店长固定为本店；每条带 SLA 截止时间与剩余秒数、处理人；sort=sla 按截止时间最近在前）',
    roles: BOTH,
    query: T.AdminCaseListQuery,
    response: T.AdminCaseListResponse,
  },
  {
    method: 'get',
    path: '/admin/aftersales/{id}',
    summary: '售后工单详情（其他门店的工单 404）',
    roles: BOTH,
    response: T.AdminCase,
    errors: ['CASE_NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/admin/aftersales/{id}/assign',
    summary: '指派处理人（本店在职店员或店长的成员 id，带 version；写入审计日志）',
    roles: BOTH,
    body: T.AdminCaseAssignBody,
    response: T.AdminCase,
    errors: ['CASE_NOT_FOUND', 'ASSIGNEE_INVALID', 'INVALID_STATE', 'VERSION_CONFLICT', 'VALIDATION_FAILED'],
  },
  {
    method: 'post',
    path: '/admin/aftersales/{id}/{action}',
    summary:
      '处理售后工单：approve 同意 / reject 驳回 / progress 处理中 / resolve 完结（退款类完结即发起退款，退款成功后才变为已解决；带 version；写入审计日志）',
    roles: BOTH,
    params: { action: T.AdminCaseAction },
    body: T.AdminCaseActionBody,
    response: T.AdminCase,
    errors: ['CASE_NOT_FOUND', 'INVALID_STATE', 'VERSION_CONFLICT', 'ALREADY_REFUNDED', 'NOT_PAID'],
  },
];
