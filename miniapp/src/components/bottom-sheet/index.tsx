import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

/** A panel sliding up from the bottom over a dimmed page; tapping the mask or × closes it. */
export function BottomSheet(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const { open, title, onClose, className = '', children, footer } = props;
  if (!open) return null;
  return (
    <View className="bottom-sheet">
      <View className="bottom-sheet__mask" onClick={onClose} />
      <View className={`bottom-sheet__panel ${className}`}>
        <View className="bottom-sheet__head">
          <Text className="bottom-sheet__title">{title}</Text>
          <View className="bottom-sheet__close" onClick={onClose}>
            ×
          </View>
        </View>
        <View className="bottom-sheet__body">{children}</View>
        {footer && <View className="bottom-sheet__footer">{footer}</View>}
      </View>
    </View>
  );
}
