import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { IS_H5 } from '../config';
import { confirmPayment, mockPay, payOrder } from '../services/orders';

/** The mock pay sheet's state while it is open. */
export interface MockPayState {
  orderId: number;
  amountFen: number;
  busy: boolean;
}

function cancelledByUser(err: unknown): boolean {
  return /cancel/i.test((err as { errMsg?: string })?.errMsg ?? '');
}

/**
 * Pays an order: WeChat's own sheet in the mini-program; the mock pay sheet when the BFF says
 * `mockPay` (dev, and always in H5). `onPaid` runs after a successful payment.
 */
export function usePayment(onPaid: (orderId: number) => unknown) {
  const [sheet, setSheet] = useState<MockPayState | null>(null);
  const [starting, setStarting] = useState(false);

  const start = useCallback(
    async (orderId: number) => {
      if (starting) return;
      setStarting(true);
      try {
        const pay = await payOrder(orderId);
        if (pay.mockPay) {
          setSheet({ orderId, amountFen: pay.totalFen, busy: false });
        } else if (IS_H5) {
          void Taro.showToast({ title: '请在微信小程序中完成支付', icon: 'none' });
        } else {
          try {
            await Taro.requestPayment({ ...pay.params });
            // Settle now (the notify may come later or not at all); a failure here is retried by the BFF.
            await confirmPayment(orderId).catch(() => undefined);
            void Taro.showToast({ title: '支付成功', icon: 'success' });
            onPaid(orderId);
          } catch (err) {
            const title = cancelledByUser(err) ? '已取消支付' : '支付失败，请重试';
            void Taro.showToast({ title, icon: 'none' });
          }
        }
      } catch {
        // payOrder() already told the user.
      } finally {
        setStarting(false);
      }
    },
    [starting, onPaid],
  );

  const confirm = useCallback(async () => {
    if (!sheet || sheet.busy) return;
    setSheet({ ...sheet, busy: true });
    try {
      await mockPay(sheet.orderId);
      setSheet(null);
      void Taro.showToast({ title: '支付成功', icon: 'success' });
      onPaid(sheet.orderId);
    } catch {
      setSheet((s) => (s ? { ...s, busy: false } : s));
    }
  }, [sheet, onPaid]);

  const cancel = useCallback(() => {
    setSheet(null);
    void Taro.showToast({ title: '已取消支付', icon: 'none' });
  }, []);

  return { sheet, starting, start, confirm, cancel };
}
