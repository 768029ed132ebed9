// 试一试: type what a customer might say and see what the support bot makes of it — the intent and
// how sure it is, the FAQ article it would pick, and the answer it would give.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Progress, Space, Tag, Typography } from 'antd';
import { RobotOutlined } from '@ant-design/icons';
import type { FaqTryResponse } from '@omni/shared-types';
import { api } from '../../api/client';
import { INTENT_TEXT } from './labels';

/** A confidence 0..1 as a whole percentage. */
export const percent = (x: number): number => Math.round(Math.max(0, Math.min(1, x)) * 100);

const colour = (x: number) => (x >= 0.7 ? '#52c41a' : x >= 0.4 ? '#faad14' : '#ff4d4f');

export function TryResult({ result }: { result: FaqTryResponse }) {
  const a = result.article;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'intent',
            label: '识别意图',
            children: (
              <Space>
                <Tag color="blue">{INTENT_TEXT[result.intent] ?? result.intent}</Tag>
                <Typography.Text type="secondary">{result.intent}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'confidence',
            label: '意图置信度',
            children: (
              <Progress
                percent={percent(result.confidence)}
                strokeColor={colour(result.confidence)}
                size="small"
                aria-label="意图置信度"
                style={{ width: 200, margin: 0 }}
              />
            ),
          },
          {
            key: 'faq',
            label: '匹配的常见问题',
            children: a ? (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{a.question}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  匹配度 {percent(a.confidence)}% · 编号 {a.id}
                </Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary">未匹配</Typography.Text>
            ),
          },
        ]}
      />
      {a ? (
        <Card
          size="small"
          title={
            <>
              <RobotOutlined /> 机器人将回答
            </>
          }
          style={{ background: '#f6ffed' }}
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {a.answer}
          </Typography.Paragraph>
        </Card>
      ) : (
        <Alert
          type="warning"
          showIcon
          title="没有把握匹配到常见问题"
          description="机器人不会直接给出答案，会请顾客换个说法或转人工客服。可以把这种说法加到某条常见问题的“其他问法”里。"
        />
      )}
    </Space>
  );
}

export function FaqTryPanel() {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FaqTryResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    const t = text.trim();
    if (!t) {
      setError('请输入一句顾客可能会问的话');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<FaqTryResponse>('/admin/faq/try', { text: t }));
    } catch (err) {
      setResult(null);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title="试一试"
      extra={<Typography.Text type="secondary">保存后即时生效</Typography.Text>}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          aria-label="顾客的问题"
          rows={3}
          maxLength={500}
          value={text}
          placeholder="如：买的面霜不合适，可以退吗？"
          onChange={(e) => setText(e.target.value)}
          onPressEnter={(e) => {
            if (!e.shiftKey) {
              e.preventDefault();
              void run();
            }
          }}
        />
        <Button type="primary" icon={<RobotOutlined />} loading={busy} onClick={run}>
          试一试
        </Button>
        {error && <Alert type="error" showIcon title={error} />}
        {result && <TryResult result={result} />}
      </Space>
    </Card>
  );
}
