import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { AftersalesCase } from '@omni/shared-types';
import { ActionButton, type ActionButtonKind } from '../../../../../components/action-button';
import { StateView } from '../../../../../components/state-view';
import { useNow } from '../../../../../hooks/use-now';
import { CASE_STATUS_TEXT, CASE_TYPE_TEXT } from '../../../../../services/aftersales';
import { formatFen } from '../../../../../utils/money';
import { formatDateTime } from '../../../../../utils/shanghai-time';
import { StaffHomeLink } from '../../../components/home-link';
import { useStaffSession } from '../../../hooks/use-staff-session';
import { actOnCase, caseErrorMessage, storeCase } from '../../../services/support-staff';
import { StaffLogin } from '../../inbox/staff-login';
import { ACTION_TEXT, nextActions, paysBack, type CaseAction } from '../case-rules';
import { slaText } from '../sla';
import '../index.scss';
import './index.scss';

const ACTOR_TEXT: Record<string, string> = { customer: '顾客', staff: '门店', system: '系统', admin: '客服' };
const ACTION_KIND: Record<CaseAction, ActionButtonKind> = {
  approve: 'primary',
  resolve: 'primary',
  progress: 'secondary',
  reject: 'danger',
};

/** The decisions open on a case: a note (the reason, required to reject) and the buttons. */
function CaseActions({ c, onChanged }: { c: AftersalesCase; onChanged: (c: AftersalesCase) => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = nextActions(c.status);
  if (actions.length === 0) return null;

  const act = async (action: CaseAction) => {
    if (action === 'reject' && !note.trim()) {
      setError('驳回请填写原因，顾客会看到');
      return;
    }
    if (action === 'resolve' && paysBack(c)) {
      const { confirm } = await Taro.showModal({
        title: '确认退款',
        content: `将通过微信支付原路退回 ${formatFen(c.refundFen ?? 0)}，到账后售后单自动完成。`,
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
      setError(caseErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="staff-case-card">
      <Input
        className="staff-case-note"
        value={note}
        maxlength={300}
        placeholder="处理备注（驳回时必填，顾客可见，最多 300 字）"
        onInput={(e) => setNote(e.detail.value)}
      />
      {error && <Text className="staff-case-error">{error}</Text>}
      <View className="staff-case-actions">
        {actions.map((a) => (
          <ActionButton
            key={a}
            size="small"
            kind={ACTION_KIND[a]}
            className={`staff-case-${a}`}
            loading={busy}
            onClick={() => void act(a)}
          >
            {a === 'resolve' && paysBack(c) ? '完成并退款' : ACTION_TEXT[a]}
          </ActionButton>
        ))}
      </View>
    </View>
  );
}

function CaseDetail({ id }: { id: number }) {
  const [c, setCase] = useState<AftersalesCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nowMs = useNow(true, 30_000);

  const load = useCallback(() => {
    if (!(id > 0)) return setError('售后单不存在');
    storeCase(id).then(
      (item) => {
        setError(null);
        setCase(item);
      },
      (err: unknown) => setError(caseErrorMessage(err)),
    );
  }, [id]);
  useEffect(load, [load]);

  const bar = (
    <View className="staff-home-bar">
      <StaffHomeLink />
      <Text className="staff-home-bar__title">售后详情</Text>
    </View>
  );
  if (error)
    return (
      <View className="staff-case-page">
        {bar}
        <StateView kind="error" message={error} onRetry={load} />
      </View>
    );
  if (!c)
    return (
      <View className="staff-case-page">
        {bar}
        <StateView kind="loading" message="加载中…" />
      </View>
    );

  const open = c.status !== 'resolved' && c.status !== 'rejected';
  const sla = slaText(c.slaDueAt, nowMs);
  return (
    <View className="staff-case-page staff-case-detail" data-id={c.id} data-status={c.status}>
      {bar}
      <View className="staff-case-card">
        <View className="staff-case-card__row">
          <Text className="staff-case-no">{c.caseNo}</Text>
          <Text className={`staff-case-status staff-case-status--${c.status}`}>
            {CASE_STATUS_TEXT[c.status]}
          </Text>
        </View>
        <Text className="staff-case-card__meta">
          {CASE_TYPE_TEXT[c.type]} · 订单 {c.orderNo} · 提交于 {formatDateTime(c.createdAt)}
        </Text>
        {c.refundFen !== null && <Text className="staff-case-amount">退款金额 {formatFen(c.refundFen)}</Text>}
        {open && (
          <Text className={`staff-case-sla${sla.overdue ? ' staff-case-sla--overdue' : ''}`}>
            {sla.text}（{formatDateTime(c.slaDueAt)} 前）
          </Text>
        )}
        {c.status === 'refunding' && (
          <Text className="staff-case-hint">退款已提交微信支付，到账后自动完成</Text>
        )}
      </View>
      <View className="staff-case-card">
        <Text className="staff-case-card__label">申请原因</Text>
        <Text className="staff-case-reason">{c.reason}</Text>
        <Text className="staff-case-card__label">商品</Text>
        {c.lines.map((l) => (
          <Text key={l.productId} className="staff-case-line">
            {l.name || `商品 ${l.productId}`} ×{l.quantity}
          </Text>
        ))}
      </View>
      <CaseActions c={c} onChanged={setCase} />
      <View className="staff-case-card">
        <Text className="staff-case-card__label">处理进度</Text>
        {[...c.timeline].reverse().map((t, i) => (
          <View key={`${t.at}-${i}`} className="staff-case-timeline-item" data-status={t.status}>
            <Text className="staff-case-timeline-item__title">
              {CASE_STATUS_TEXT[t.status]} · {ACTOR_TEXT[t.actor] ?? t.actor}
            </Text>
            {t.note && <Text className="staff-case-timeline-item__note">{t.note}</Text>}
            <Text className="staff-case-timeline-item__at">{formatDateTime(t.at)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** 售后详情 (staff, `?id=`): the case, its lines, reason and timeline, and approve / reject / resolve. */
export default function StaffCaseDetailPage() {
  const session = useStaffSession();
  const { params } = useRouter();
  return session ? <CaseDetail id={Number(params.id)} /> : <StaffLogin />;
}
