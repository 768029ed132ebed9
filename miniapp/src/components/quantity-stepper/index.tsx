import { Text, View } from '@tarojs/components';
import './index.scss';

/** A − n + stepper kept within min…max; taps beyond a bound do nothing. */
export function QuantityStepper(props: {
  value: number;
  min?: number;
  max: number;
  onChange: (value: number) => void;
  className?: string;
}) {
  const { value, min = 1, max, onChange, className = '' } = props;
  const canDown = value > min;
  const canUp = value < max;
  return (
    <View className={`stepper ${className}`}>
      <View
        className={`stepper-minus${canDown ? '' : ' stepper-button--disabled'}`}
        onClick={(e) => {
          e?.stopPropagation?.();
          if (canDown) onChange(value - 1);
        }}
      >
        −
      </View>
      <Text className="stepper-value">{value}</Text>
      <View
        className={`stepper-plus${canUp ? '' : ' stepper-button--disabled'}`}
        onClick={(e) => {
          e?.stopPropagation?.();
          if (canUp) onChange(value + 1);
        }}
      >
        +
      </View>
    </View>
  );
}
