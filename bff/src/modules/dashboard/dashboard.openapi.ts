import * as T from '@omni/shared-types';
import type { ApiOperation } from '../../http/openapi';

const BOTH: T.Role[] = ['admin', 'store_manager'];

/** The 看板 routes, listed in API_OPERATIONS. */
export const DASHBOARD_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/admin/dashboard',
    summary:
      '看板：按日或按周的订单、GMV、准时率、单均公里、机器人解决率、首次响应、满意度、NPS、售后超时，及与上一等长周期对比的指标卡（默认最近 14 天；店长固定本店，其他门店 404）',
    roles: BOTH,
    query: T.DashboardQuery,
    response: T.DashboardResponse,
    errors: ['VALIDATION_FAILED', 'STORE_NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/admin/dashboard/anomalies',
    summary:
      '指标异常：某个已结束的日期（默认昨天）超出正常区间（近 28 天中位数 ± 3 倍 MAD，按星期对齐）的门店指标',
    roles: BOTH,
    query: T.DashboardAnomaliesQuery,
    response: T.KpiAnomalyListResponse,
    errors: ['VALIDATION_FAILED', 'STORE_NOT_FOUND'],
  },
];
