import { Button, Text, View } from '@tarojs/components';

/** Explains what 我在路上 shares before the first use; the answer is stored by the BFF. */
export function ConsentDialog(props: { busy: boolean; onAccept: () => void; onDecline: () => void }) {
  return (
    <View className="consent-mask">
      <View className="consent-dialog" role="dialog" aria-label="位置信息使用说明">
        <Text className="consent-dialog__title">允许门店获取你的位置？</Text>
        <Text className="consent-dialog__body">
          开启“我在路上”后，我们会把你的实时位置发送给自提门店，仅用于在你快到店时提前备好商品、及时接待。
          取货完成、你点击“停止共享”、离开页面或 30
          分钟后即停止上报。你可以随时撤回授权，撤回后已保存的位置会被删除。
        </Text>
        <View className="consent-dialog__actions">
          <Button className="consent-decline" onClick={props.onDecline}>
            暂不
          </Button>
          <Button className="consent-accept" disabled={props.busy} onClick={props.onAccept}>
            同意并开始
          </Button>
        </View>
      </View>
    </View>
  );
}
