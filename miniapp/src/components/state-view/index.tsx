import { Text, View } from '@tarojs/components';
import { ActionButton } from '../action-button';
import './index.scss';

/** A centred loading, empty or error message; errors get a 重试 button. */
export function StateView(props: {
  kind: 'loading' | 'empty' | 'error';
  message: string;
  onRetry?: () => void;
}) {
  const { kind, message, onRetry } = props;
  return (
    <View className={`state-view state-view--${kind} ${kind}-state`}>
      <Text className="state-view__message">{message}</Text>
      {kind === 'error' && onRetry && (
        <ActionButton className="retry-button" size="small" onClick={onRetry}>
          重试
        </ActionButton>
      )}
    </View>
  );
}
