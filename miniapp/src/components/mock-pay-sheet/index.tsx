import { Button, Text, View } from '@tarojs/components';
import { formatFen } from '../../utils/money';
import { BottomSheet } from '../bottom-sheet';
import './index.scss';

/** Dev stand-in for WeChat's pay sheet: shows the amount; 确认支付 makes the mock WeChat pay. */
export function MockPaySheet(props: {
  open: boolean;
  amountFen: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { open, amountFen, busy, onConfirm, onCancel } = props;
  return (
    <BottomSheet
      open={open}
      title="模拟微信支付"
      onClose={onCancel}
      className="mock-pay-sheet"
      footer={
        <View className="mock-pay__buttons">
          <Button className="mock-pay-cancel" disabled={busy} onClick={onCancel}>
            取消
          </Button>
          {/* No `loading` prop: Taro's H5 button spinner is an image on a remote CDN. */}
          <Button className="mock-pay-confirm" disabled={busy} onClick={onConfirm}>
            {busy ? '支付中…' : '确认支付'}
          </Button>
        </View>
      }
    >
      <View className="mock-pay__body">
        <Text className="mock-pay__merchant">品牌官方商城</Text>
        <Text className="mock-pay-amount">{formatFen(amountFen)}</Text>
        <Text className="mock-pay__hint">开发环境：不会产生真实扣款</Text>
      </View>
    </BottomSheet>
  );
}
