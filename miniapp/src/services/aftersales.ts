import Taro from '@tarojs/taro';
import { z } from 'zod';
import { AftersalesCase, type CaseStatus, type CaseType, type CreateCaseBody } from '@omni/shared-types';
import { request } from './request';

const CaseList = z.object({ items: z.array(AftersalesCase) });

/** Chinese names of case types. */
export const CASE_TYPE_TEXT: Record<CaseType, string> = {
  return: '退货退款',
  refund: '仅退款',
  exchange: '换货',
  complaint: '投诉',
  inquiry: '人工咨询',
};

/** Chinese names of case states. */
export const CASE_STATUS_TEXT: Record<CaseStatus, string> = {
  submitted: '已提交',
  approved: '已同意',
  rejected: '已拒绝',
  in_progress: '处理中',
  refunding: '退款中',
  resolved: '已完成',
};

/** Opens a case; the BFF answers the open case of that type instead of a second one. */
export function createCase(body: CreateCaseBody): Promise<AftersalesCase> {
  return request({
    method: 'POST',
    path: '/aftersales',
    data: body as unknown as Record<string, unknown>,
    schema: AftersalesCase,
    silent: true,
  });
}

/** The caller's cases (a consumer's own, a staff member's store's), newest first. */
export async function listCases(): Promise<AftersalesCase[]> {
  return (await request({ path: '/aftersales', schema: CaseList, silent: true })).items;
}

/** One case with its timeline. */
export function getCase(id: number): Promise<AftersalesCase> {
  return request({ path: `/aftersales/${id}`, schema: AftersalesCase, silent: true });
}

/** Opens 售后详情 of a case. */
export function openCase(id: number): Promise<unknown> {
  return Taro.navigateTo({ url: `/pages/aftersales/detail/index?id=${id}` });
}
