import * as T from '@omni/shared-types';
import type { ApiOperation } from '../../http/openapi';

const BOTH: T.Role[] = ['admin', 'store_manager'];

/** The dispatch board routes, listed in API_OPERATIONS. */
export const DISPATCH_BOARD_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/admin/dispatch',
    summary:
      '调度看板：门店某日各骑手路线（站点序号、ETA 与时间窗、迟到标记）、未排入订单及原因、骑手位置（店长只看本店，其他门店 404）',
    roles: BOTH,
    query: T.DispatchBoardQuery,
    response: T.DispatchBoard,
    errors: ['STORE_NOT_FOUND', 'VALIDATION_FAILED'],
  },
  {
    method: 'post',
    path: '/admin/dispatch/reassign',
    summary:
      '改派：把订单的站点移到另一骑手并重新优化受影响路线（生成新的排线版本，推送给骑手，记审计日志），返回看板',
    roles: BOTH,
    body: T.DispatchReassignBody,
    response: T.DispatchBoard,
    errors: [
      'STORE_NOT_FOUND',
      'ORDER_NOT_FOUND',
      'COURIER_NOT_FOUND',
      'STOP_NOT_REASSIGNABLE',
      'COURIER_NOT_IN_STORE',
      'COURIER_UNAVAILABLE',
      'ROUTE_NOT_PLANNED',
      'INVALID_STATE',
      'VALIDATION_FAILED',
    ],
  },
];
