import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import type { AftersalesCase } from '@omni/shared-types';
import { StateView } from '../../../components/state-view';
import { CASE_STATUS_TEXT, CASE_TYPE_TEXT, getCase } from '../../../services/aftersales';
import { supportErrorMessage } from '../../../services/support';
import { formatFen } from '../../../utils/money';
import { formatDateTime } from '../../../utils/shanghai-time';
import '../index.scss';

const ACTOR_TEXT: Record<string, string> = { customer: '你', staff: '门店', system: '系统', admin: '客服' };

/** 售后详情 (`?id=`): status, SLA due time, refund amount and the case's timeline (newest first). */
export default function AftersalesDetailPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [item, setItem] = useState<AftersalesCase | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    if (!(id > 0)) return setError('售后单不存在');
    setError(null);
    getCase(id).then(setItem, (err: unknown) => setError(supportErrorMessage(err)));
  }, [id]);
  useDidShow(load);

  if (error) return <StateView kind="error" message={error} onRetry={load} />;
  if (!item) return <StateView kind="loading" message="加载中…" />;
  const open = item.status !== 'resolved' && item.status !== 'rejected';
  const timeline = [...item.timeline].reverse();
  return (
    <View className="case-detail">
      <View className="case-detail__card">
        <Text className={`case-status case-status--${item.status}`}>{CASE_STATUS_TEXT[item.status]}</Text>
        <Text className="case-type-text">{CASE_TYPE_TEXT[item.type]}</Text>
        {open && (
          <Text className={`case-sla${item.overdue ? ' case-sla--overdue' : ''}`}>
            {item.overdue ? '已超过承诺时间，正在加急处理' : `预计 ${formatDateTime(item.slaDueAt)} 前处理`}
          </Text>
        )}
        {item.refundFen !== null && <Text className="case-refund">退款金额 {formatFen(item.refundFen)}</Text>}
      </View>
      <View className="case-detail__card">
        <View className="case-detail__row">
          <Text className="case-detail__label">售后单号</Text>
          <Text className="case-no">{item.caseNo}</Text>
        </View>
        <View
          className="case-detail__row"
          onClick={() => void Taro.navigateTo({ url: `/pages/order-detail/index?id=${item.orderId}` })}
        >
          <Text className="case-detail__label">订单</Text>
          <Text>{item.orderNo} ›</Text>
        </View>
        <View className="case-detail__row">
          <Text className="case-detail__label">原因</Text>
          <Text className="case-reason">{item.reason}</Text>
        </View>
        {item.lines.map((l) => (
          <View key={l.productId} className="case-detail__row case-detail-line">
            <Text>{l.name}</Text>
            <Text>×{l.quantity}</Text>
          </View>
        ))}
      </View>
      <View className="case-detail__card">
        {timeline.map((t, i) => (
          <View
            key={`${t.at}-${i}`}
            className={`case-timeline-item${i === 0 ? ' case-timeline-item--latest' : ''}`}
            data-status={t.status}
          >
            <Text className="case-timeline-item__title">{CASE_STATUS_TEXT[t.status]}</Text>
            {t.note && <Text className="case-timeline-item__note">{t.note}</Text>}
            <Text className="case-timeline-item__meta">
              {formatDateTime(t.at)} · {ACTOR_TEXT[t.actor] ?? t.actor}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
