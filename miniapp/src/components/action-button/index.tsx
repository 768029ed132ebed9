import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

/** How a button looks: the one primary action, an outlined secondary, a destructive or a text link. */
export type ActionButtonKind = 'primary' | 'secondary' | 'danger' | 'text';

/**
 * The shop's one button: sized to its label (never stretched to the page width, as Taro's bare
 * Button is in H5), rounded, in the brand colour for the primary action. `className` carries the
 * name browser tests look for (`pay-button`, `cancel-button`…); `block` makes it fill its row.
 * Drawn as a View so neither Taro's H5 button CSS (two-class rules that beat page styles) nor the
 * weapp's native button chrome gets in the way; `loading` shows 处理中… and ignores taps.
 */
export function ActionButton(props: {
  kind?: ActionButtonKind;
  size?: 'normal' | 'small';
  block?: boolean;
  disabled?: boolean;
  loading?: boolean;
  className?: string;
  onClick?: () => void;
  children: ReactNode;
}) {
  const { kind = 'secondary', size = 'normal', block = false, loading, className, onClick } = props;
  const disabled = props.disabled || loading;
  const classes = [
    'action-button',
    `action-button--${kind}`,
    `action-button--${size}`,
    block ? 'action-button--block' : '',
    disabled ? 'action-button--disabled' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <View
      className={classes}
      hoverClass={disabled ? 'none' : 'action-button--pressed'}
      onClick={disabled ? undefined : onClick}
    >
      {loading ? '处理中…' : props.children}
    </View>
  );
}
