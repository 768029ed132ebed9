// A stand-in for @tarojs/components under jest: each component renders a plain DOM element and
// passes through what a test can observe (class, click, value, src, data-*).
import { createElement, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'className' || key === 'style' || key === 'onClick' || key === 'id') out[key] = value;
    else if (key.startsWith('data-') || key.startsWith('aria-')) out[key] = value;
  }
  return out;
}

function element(tag: string) {
  const Component = ({ children, ...props }: Props) => createElement(tag, domProps(props), children);
  Component.displayName = tag;
  return Component;
}

export const View = element('div');
export const Text = element('span');
export const ScrollView = element('div');
export const Swiper = element('div');
export const SwiperItem = element('div');
export const Block = ({ children }: Props) => <>{children}</>;

export function Image(props: Props) {
  return <img {...domProps(props)} src={props.src as string} data-mode={props.mode as string} alt="" />;
}

export function Button({ children, ...props }: Props) {
  return (
    <button
      type="button"
      {...domProps(props)}
      disabled={Boolean(props.disabled)}
      aria-busy={Boolean(props.loading)}
    >
      {children}
    </button>
  );
}

type Detail = { detail: { value: string } };

export function Input(props: Props) {
  const onInput = props.onInput as ((e: Detail) => void) | undefined;
  const onConfirm = props.onConfirm as ((e: Detail) => void) | undefined;
  return (
    <input
      {...domProps(props)}
      type={props.password ? 'password' : 'text'}
      value={(props.value as string | undefined) ?? ''}
      placeholder={props.placeholder as string | undefined}
      maxLength={props.maxlength as number | undefined}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onConfirm?.({ detail: { value: (e.target as HTMLInputElement).value } });
      }}
    />
  );
}
