import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { IS_H5 } from '../../../../config';
import {
  courierErrorMessage,
  uploadProofBytes,
  uploadProofPhoto,
  type CourierSession,
} from '../../../../services/courier';
import { compressPhoto, photoFileProblem } from '../../services/proof-photo';
import { shanghaiDate } from '../../../../utils/shanghai-time';
import { useCourierSession } from '../../hooks/use-courier-session';
import { STOP_STATUS_TEXT, clockTime, windowLabel } from '../../stop-view';
import { useStop } from './use-stop';
import './index.scss';

/** Reasons offered by 送达失败 (the BFF takes any text up to 100 characters). */
export const FAIL_REASONS = ['联系不上顾客', '地址错误或找不到', '顾客拒收', '顾客要求改约', '商品破损'];

function StopDetail({ session, stopId, date }: { session: CourierSession; stopId: number; date: string }) {
  const { stop, storePhone, error, codeError, setError, notice, busy, arrive, deliver, fail } = useStop(
    session,
    stopId,
    date,
  );
  const [code, setCode] = useState('');
  const [failing, setFailing] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const [photoBusy, setPhotoBusy] = useState(false);

  if (!stop) {
    return (
      <View className="courier-stop-page">
        <Text className={error ? 'error-state' : 'loading-state'}>{error ?? '加载中…'}</Text>
      </View>
    );
  }
  const open = stop.status === 'pending' || stop.status === 'arrived';
  // Five wrong codes lock the code for good (the store was told): call the store, or 送达失败.
  const codeLocked = stop.codeAttemptsLeft === 0;

  const call = () => {
    // The BFF only gives the courier a masked number; see the report (a relay number is needed).
    void Taro.makePhoneCall({ phoneNumber: stop.phoneMasked }).catch(() => undefined);
  };
  const navigate = () => {
    void Taro.openLocation({
      latitude: stop.lat,
      longitude: stop.lng,
      name: stop.customerName || '收货地址',
      address: stop.address,
      scale: 16,
    }).catch(() => undefined);
  };
  const deliverWithCode = () => {
    if (!/^\d{4}$/.test(code)) {
      void Taro.showToast({ title: '请输入 4 位收货码', icon: 'none' });
      return;
    }
    void deliver({ type: 'code', code });
  };
  const callStore = () => {
    if (storePhone) void Taro.makePhoneCall({ phoneNumber: storePhone }).catch(() => undefined);
  };
  /** H5: the photo picked from `<input type="file" capture>`, shrunk to JPEG in the browser first. */
  const deliverWithPickedFile = async (file: File | undefined) => {
    if (!file) return;
    const problem = photoFileProblem(file);
    if (problem) {
      setError(problem);
      return;
    }
    setPhotoBusy(true);
    try {
      const { photoId } = await uploadProofBytes(await compressPhoto(file), 'image/jpeg');
      await deliver({ type: 'photo', photoId });
    } catch (err) {
      setError(courierErrorMessage(err));
    } finally {
      setPhotoBusy(false);
    }
  };
  const deliverWithPhoto = async () => {
    setPhotoBusy(true);
    try {
      const media = await Taro.chooseMedia({
        count: 1,
        mediaType: ['image'],
        sourceType: ['camera', 'album'],
        sizeType: ['compressed'],
      });
      const file = media.tempFiles[0];
      if (!file) return;
      const { photoId } = await uploadProofPhoto(file.tempFilePath);
      await deliver({ type: 'photo', photoId });
    } catch (err) {
      // Cancelling the camera is not an error worth a toast.
      if (!/cancel/i.test((err as { errMsg?: string })?.errMsg ?? '')) {
        void Taro.showToast({ title: courierErrorMessage(err), icon: 'none' });
      }
    } finally {
      setPhotoBusy(false);
    }
  };
  const confirmFail = async () => {
    if (!reason) return;
    if (await fail(reason)) setFailing(false);
  };

  return (
    <View className="courier-stop-page">
      <View className="stop-card">
        <View className="stop-card__head">
          <Text className="stop-seq">第 {stop.seq} 站</Text>
          <Text className={`stop-status stop-status--${stop.status}`}>{STOP_STATUS_TEXT[stop.status]}</Text>
          {stop.unsynced > 0 && <Text className="stop-sync">待同步</Text>}
        </View>
        <View className="stop-row">
          <Text className="stop-customer">{stop.customerName || '顾客'}</Text>
          <Text className="stop-phone">{stop.phoneMasked}</Text>
          <Text className="call-button" onClick={call}>
            拨打
          </Text>
        </View>
        <View className="stop-row">
          <Text className="stop-address">{stop.address}</Text>
          <Text className="navigate-button" onClick={navigate}>
            导航
          </Text>
        </View>
        <View className="stop-facts">
          <Text className="stop-window">时段 {windowLabel(stop)}</Text>
          <Text className="stop-eta">预计 {clockTime(stop.etaAt)}</Text>
          <Text className="stop-parcels">
            {stop.parcels} 件 · {stop.volumeL} L
          </Text>
        </View>
        <Text className="stop-order">订单 {stop.orderNo}</Text>
        {stop.failReason && <Text className="stop-fail-reason">失败原因：{stop.failReason}</Text>}
      </View>

      {notice && <Text className="stop-notice">{notice}</Text>}
      {error && <Text className="stop-error">{error}</Text>}

      {!open && (
        <Text className={`stop-done stop-done--${stop.status}`}>
          {stop.unsynced > 0
            ? '已记录在本机，联网后自动同步'
            : stop.status === 'delivered'
              ? '已送达，辛苦了'
              : '已记录配送失败'}
        </Text>
      )}

      {open && (
        <View className="stop-actions">
          {stop.status === 'pending' && (
            <Button
              className="stop-arrive stop-action-button"
              loading={busy === 'arrive'}
              onClick={() => void arrive()}
            >
              到达
            </Button>
          )}
          <View className="proof">
            <Text className="proof__title">送达核验</Text>
            {codeLocked ? (
              <View className="delivery-code-locked">
                <Text className="delivery-code-locked__text">已锁定，请联系门店</Text>
                <Text className="delivery-code-locked__why">收货码输错次数过多，门店已收到提醒</Text>
                {storePhone && (
                  <Text className="call-store-button" onClick={callStore}>
                    拨打门店 {storePhone}
                  </Text>
                )}
              </View>
            ) : (
              <>
                <Text className="proof__label">向顾客索要 4 位收货码</Text>
                <Input
                  className="delivery-code-input"
                  type="number"
                  maxlength={4}
                  placeholder="请输入顾客的 4 位收货码"
                  value={code}
                  onInput={(e) => setCode(e.detail.value.replace(/\D/g, '').slice(0, 4))}
                />
                {codeError && <Text className="delivery-code-error">{codeError}</Text>}
                <Button
                  className="stop-deliver stop-action-button"
                  disabled={code.length !== 4 || busy !== null}
                  loading={busy === 'deliver'}
                  onClick={deliverWithCode}
                >
                  送达
                </Button>
              </>
            )}
            {IS_H5 && (
              <View
                className={`stop-photo stop-action-button${photoBusy || busy !== null ? ' stop-photo--busy' : ''}`}
              >
                <Text>{photoBusy ? '上传中…' : '拍照送达'}</Text>
                <input
                  className="proof-photo-input"
                  type="file"
                  accept="image/*"
                  capture="environment"
                  disabled={photoBusy || busy !== null}
                  onChange={(e) => {
                    const input = e.currentTarget;
                    void deliverWithPickedFile(input.files?.[0]);
                    input.value = '';
                  }}
                />
              </View>
            )}
            {!IS_H5 && (
              <Button
                className="stop-photo stop-action-button"
                disabled={photoBusy || busy !== null}
                onClick={() => void deliverWithPhoto()}
              >
                {photoBusy ? '上传中…' : '拍照送达'}
              </Button>
            )}
          </View>
          {!failing ? (
            <Button
              className="stop-fail stop-action-button"
              disabled={busy !== null}
              onClick={() => setFailing(true)}
            >
              送达失败
            </Button>
          ) : (
            <View className="fail-sheet">
              <Text className="proof__title">选择失败原因</Text>
              <View className="fail-reasons">
                {FAIL_REASONS.map((r) => (
                  <Text
                    key={r}
                    className={`fail-reason${r === reason ? ' fail-reason--active' : ''}`}
                    data-reason={r}
                    onClick={() => setReason(r)}
                  >
                    {r}
                  </Text>
                ))}
              </View>
              <View className="fail-sheet__buttons">
                <Button className="fail-cancel stop-action-button" onClick={() => setFailing(false)}>
                  取消
                </Button>
                <Button
                  className="fail-confirm stop-action-button"
                  disabled={!reason || busy !== null}
                  loading={busy === 'fail'}
                  onClick={() => void confirmFail()}
                >
                  确认失败
                </Button>
              </View>
            </View>
          )}
        </View>
      )}
    </View>
  );
}

/** 站点详情 (`?id=<stopId>&date=YYYY-MM-DD`): call, navigate, arrive, deliver with proof, or fail. */
export default function CourierStopPage() {
  const session = useCourierSession();
  const { params } = useRouter();
  const stopId = Number(params.id);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.date ?? '') ? (params.date as string) : '';
  if (!session) {
    return (
      <View className="courier-stop-page">
        <Text className="error-state">请先在「今日路线」以骑手身份登录</Text>
      </View>
    );
  }
  if (!Number.isInteger(stopId) || stopId <= 0) {
    return (
      <View className="courier-stop-page">
        <Text className="error-state">站点编号有误</Text>
      </View>
    );
  }
  return <StopDetail session={session} stopId={stopId} date={date || shanghaiDate()} />;
}
