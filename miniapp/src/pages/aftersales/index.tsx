import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import type { AftersalesCase } from '@omni/shared-types';
import { StateView } from '../../components/state-view';
import { CASE_STATUS_TEXT, CASE_TYPE_TEXT, listCases, openCase } from '../../services/aftersales';
import { supportErrorMessage } from '../../services/support';
import { formatDateTime } from '../../utils/shanghai-time';
import './index.scss';

/** 我的售后: the customer's cases, newest first; tap one for its progress. */
export default function AftersalesListPage() {
  const [cases, setCases] = useState<AftersalesCase[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    setError(null);
    listCases().then(setCases, (err: unknown) => setError(supportErrorMessage(err)));
  }, []);
  useDidShow(load);

  if (error) return <StateView kind="error" message={error} onRetry={load} />;
  if (!cases) return <StateView kind="loading" message="加载中…" />;
  if (!cases.length) return <StateView kind="empty" message="还没有售后申请" />;
  return (
    <View className="aftersales">
      {cases.map((c) => (
        <View key={c.id} className="case-row" data-id={c.id} onClick={() => void openCase(c.id)}>
          <View className="case-row__head">
            <Text className="case-row__type">{CASE_TYPE_TEXT[c.type]}</Text>
            <Text className={`case-row__status case-status--${c.status}`}>{CASE_STATUS_TEXT[c.status]}</Text>
          </View>
          <Text className="case-row__meta">
            售后单 {c.caseNo} · 订单 {c.orderNo}
          </Text>
          <Text className="case-row__meta">申请时间 {formatDateTime(c.createdAt)}</Text>
          {c.overdue && <Text className="case-row__overdue">已超时，正在加急处理</Text>}
        </View>
      ))}
      <Text className="aftersales__help" onClick={() => void Taro.navigateTo({ url: '/pages/chat/index' })}>
        有疑问？联系客服 ›
      </Text>
    </View>
  );
}
