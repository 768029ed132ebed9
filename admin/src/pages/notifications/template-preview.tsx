// What a subscription message of this template would look like in WeChat, with sample values fitted
// to the fields' rules (only an approximation: the BFF fits the real values when it sends).
import { Alert, Card, Space, Tooltip, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { NOTIFY_EVENTS, type NotifyEvent } from '@omni/shared-types';
import { previewLines, type FieldRow } from './field-rules';

export function TemplatePreview(props: {
  event: NotifyEvent;
  rows: (FieldRow | undefined)[] | undefined;
  templateId: string | undefined;
  enabled: boolean | undefined;
  page: string | undefined;
}) {
  const lines = previewLines(props.event, props.rows);
  const configured = Boolean(props.templateId?.trim());
  return (
    <Card size="small" title="预览" extra={<Typography.Text type="secondary">示例数据</Typography.Text>}>
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        {!configured ? (
          <Alert type="warning" showIcon title="未填写模板 ID：这种通知不会发送" />
        ) : props.enabled === false ? (
          <Alert type="info" showIcon title="已停用：这种通知暂不发送" />
        ) : null}
        <div
          data-testid="notify-preview"
          aria-label="消息预览"
          style={{
            background: '#fff',
            border: '1px solid #f0f0f0',
            borderRadius: 8,
            padding: 16,
            boxShadow: '0 1px 4px rgba(0,0,0,0.06)',
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            {NOTIFY_EVENTS[props.event].title}
          </Typography.Text>
          <div style={{ color: '#999', fontSize: 12, margin: '4px 0 12px' }}>12月8日</div>
          {lines.length ? (
            lines.map((l) => (
              <div key={l.key} style={{ display: 'flex', gap: 12, marginBottom: 6, fontSize: 14 }}>
                <Tooltip title={l.key}>
                  <span style={{ color: '#999', flex: '0 0 88px' }}>{l.label}</span>
                </Tooltip>
                <span style={{ wordBreak: 'break-all' }}>
                  {l.value}
                  {l.fitted && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
                      （已按规则调整）
                    </Typography.Text>
                  )}
                </span>
              </div>
            ))
          ) : (
            <Typography.Text type="secondary">添加字段后在此预览</Typography.Text>
          )}
          <div
            style={{
              borderTop: '1px solid #f0f0f0',
              marginTop: 12,
              paddingTop: 10,
              display: 'flex',
              justifyContent: 'space-between',
              color: '#576b95',
            }}
          >
            <span>进入小程序查看</span>
            <RightOutlined />
          </div>
        </div>
        {props.page && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            点击打开：{props.page}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
