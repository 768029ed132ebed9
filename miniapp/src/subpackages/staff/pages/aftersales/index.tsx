import Taro, { useDidShow } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { AftersalesCase, CaseStatus } from '@omni/shared-types';
import { ActionButton } from '../../../../components/action-button';
import { StateView } from '../../../../components/state-view';
import { useNow } from '../../../../hooks/use-now';
import { CASE_STATUS_TEXT, CASE_TYPE_TEXT } from '../../../../services/aftersales';
import { lbsErrorMessage } from '../../../../services/lbs';
import { formatFen } from '../../../../utils/money';
import { formatDateTime } from '../../../../utils/shanghai-time';
import { useStaffSession } from '../../hooks/use-staff-session';
import { actOnCase, storeCases } from '../../services/support-staff';
import { StaffLogin } from '../inbox/staff-login';
import { slaText } from './sla';
import './index.scss';

/** Tabs of the staff after-sales list and the case states each holds. */
export const CASE_TABS: Array<{ key: string; label: string; states: CaseStatus[] }> = [
  { key: 'todo', label: '待处理', states: ['submitted'] },
  { key: 'doing', label: '处理中', states: ['approved', 'in_progress'] },
  { key: 'refunding', label: '退款中', states: ['refunding'] },
  { key: 'done', label: '已完成', states: ['resolved'] },
  { key: 'rejected', label: '已驳回', states: ['rejected'] },
];

type Action = 'approve' | 'reject' | 'progress' | 'resolve';

/** What staff may do next with a case in this state. */
export function nextActions(status: CaseStatus): Action[] {
  if (status === 'submitted') return ['approve', 'reject'];
  if (status === 'approved') return ['progress', 'resolve'];
  if (status === 'in_progress') return ['resolve'];
  return [];
}

const ACTION_TEXT: Record<Action, string> = {
  approve: '同意',
  reject: '驳回',
  progress: '开始处理',
  resolve: '完成',
};

function CaseDetail({ c, onChanged }: { c: AftersalesCase; onChanged: (c: AftersalesCase) => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const money = c.type === 'refund' || c.type === 'return';

  const act = async (action: Action) => {
    if (action === 'reject' && !note.trim()) {
      setError('驳回请填写原因，顾客会看到');
      return;
    }
    if (action === 'resolve' && money) {
      const { confirm } = await Taro.showModal({
        title: '确认完成',
        content: `将通过微信支付退回 ${c.refundFen ? formatFen(c.refundFen) : '对应金额'}，退款到账后售后单完成。`,
      });
      if (!confirm) return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await actOnCase(c.id, action, note);
      setNote('');
      void Taro.showToast({ title: updated.status === 'refunding' ? '已发起退款' : '已更新', icon: 'none' });
      onChanged(updated);
    } catch (err) {
      setError(lbsErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const actions = nextActions(c.status);
  return (
    <View className="staff-case-detail">
      <Text className="staff-case-detail__reason">原因：{c.reason}</Text>
      {c.lines.map((l) => (
        <Text key={l.productId} className="staff-case-line">
          {l.name} ×{l.quantity}
        </Text>
      ))}
      <View className="staff-case-timeline">
        {[...c.timeline].reverse().map((t, i) => (
          <Text key={`${t.at}-${i}`} className="staff-case-timeline__item">
            {formatDateTime(t.at)} {CASE_STATUS_TEXT[t.status]}
            {t.note ? `：${t.note}` : ''}
          </Text>
        ))}
      </View>
      {actions.length > 0 && (
        <>
          <Input
            className="staff-case-note"
            value={note}
            maxlength={300}
            placeholder="备注（驳回时必填，最多 300 字）"
            onInput={(e) => setNote(e.detail.value)}
          />
          {error && <Text className="staff-case-error">{error}</Text>}
          <View className="staff-case-actions">
            {actions.map((a) => (
              <ActionButton
                key={a}
                size="small"
                kind={
                  a === 'reject' ? 'danger' : a === 'resolve' || a === 'approve' ? 'primary' : 'secondary'
                }
                className={`staff-case-${a}`}
                disabled={busy}
                onClick={() => void act(a)}
              >
                {ACTION_TEXT[a]}
              </ActionButton>
            ))}
          </View>
        </>
      )}
      {c.status === 'refunding' && (
        <Text className="staff-case-hint">退款已提交微信支付，到账后自动完成</Text>
      )}
    </View>
  );
}

function CaseList() {
  const [tab, setTab] = useState(CASE_TABS[0].key);
  const [cases, setCases] = useState<AftersalesCase[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const now = useNow(true, 30_000);

  const load = useCallback(() => {
    storeCases().then(
      (items) => {
        setError(null);
        setCases(items);
      },
      (err: unknown) => setError(lbsErrorMessage(err)),
    );
  }, []);
  useEffect(load, [load]);
  useDidShow(load);

  const states = CASE_TABS.find((t) => t.key === tab)!.states;
  const shown = (cases ?? []).filter((c) => states.includes(c.status));
  const countOf = (key: string) =>
    (cases ?? []).filter((c) => CASE_TABS.find((t) => t.key === key)!.states.includes(c.status)).length;

  return (
    <View className="staff-cases">
      <View className="staff-case-tabs">
        {CASE_TABS.map((t) => (
          <Text
            key={t.key}
            className={`staff-case-tab${t.key === tab ? ' staff-case-tab--active' : ''}`}
            data-key={t.key}
            onClick={() => setTab(t.key)}
          >
            {t.label}
            {countOf(t.key) > 0 ? ` ${countOf(t.key)}` : ''}
          </Text>
        ))}
      </View>
      {error && <StateView kind="error" message={error} onRetry={load} />}
      {!error && cases === null && <StateView kind="loading" message="加载中…" />}
      {!error && cases !== null && shown.length === 0 && <StateView kind="empty" message="暂无售后单" />}
      {shown.map((c) => {
        const sla = slaText(c.slaDueAt, now);
        const waiting = c.status !== 'resolved' && c.status !== 'rejected';
        return (
          <View key={c.id} className="staff-case-row" data-id={c.id} data-status={c.status}>
            <View className="staff-case-row__head" onClick={() => setOpenId(openId === c.id ? null : c.id)}>
              <Text className="staff-case-no">{c.caseNo}</Text>
              <Text className="staff-case-status">{CASE_STATUS_TEXT[c.status]}</Text>
            </View>
            <View className="staff-case-row__meta" onClick={() => setOpenId(openId === c.id ? null : c.id)}>
              <Text>
                {CASE_TYPE_TEXT[c.type]} · 订单 {c.orderNo}
                {c.refundFen ? ` · ${formatFen(c.refundFen)}` : ''}
              </Text>
              {waiting && (
                <Text className={`staff-case-sla${sla.overdue ? ' staff-case-sla--overdue' : ''}`}>
                  {sla.text}
                </Text>
              )}
            </View>
            {openId === c.id && (
              <CaseDetail
                c={c}
                onChanged={(u) => setCases((list) => (list ?? []).map((x) => (x.id === u.id ? u : x)))}
              />
            )}
          </View>
        );
      })}
    </View>
  );
}

/** 售后处理 (staff): the store's cases by state, SLA countdown, approve / reject / resolve. */
export default function StaffAftersalesPage() {
  const session = useStaffSession();
  return session ? <CaseList /> : <StaffLogin />;
}
