// Loading, empty, error and 无权限 states, the same on every page.
import type { ReactNode } from 'react';
import { Button, Empty, Result, Spin } from 'antd';
import { ApiError } from '../api/client';

export function Forbidden(props: { notFound?: boolean }) {
  return (
    <Result
      status="403"
      title="无权限"
      subTitle={
        props.notFound ? '该数据不存在，或你没有查看它的权限。' : '你没有查看该门店或该页面数据的权限。'
      }
    />
  );
}

/** Wraps a page body: a spinner while loading the first time, the error with 重试, or children. */
export function PageState(props: {
  loading: boolean;
  error: Error | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?(): void;
  children: ReactNode;
}) {
  if (props.error) {
    const e = props.error;
    if (e instanceof ApiError && (e.status === 403 || e.status === 404))
      return <Forbidden notFound={e.status === 404} />;
    return (
      <Result
        status="error"
        title="加载失败"
        subTitle={e.message}
        extra={props.onRetry && <Button onClick={props.onRetry}>重试</Button>}
      />
    );
  }
  if (props.loading && props.empty !== false) {
    return (
      <div style={{ padding: 64, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (props.empty) return <Empty description={props.emptyText ?? '暂无数据'} />;
  return <>{props.children}</>;
}
