// One case's SLA as a coloured line: red once breached, orange under an hour, grey once closed.
import { Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { slaView } from './sla';

export function SlaCountdown(props: { remainingS: number | null; elapsedS: number }) {
  const v = slaView(props.remainingS, props.elapsedS);
  if (!v) return <Typography.Text type="secondary">已结束</Typography.Text>;
  return (
    <Typography.Text
      type={v.breached ? 'danger' : v.soon ? 'warning' : undefined}
      strong={v.breached}
      style={{ whiteSpace: 'nowrap' }}
    >
      <ClockCircleOutlined style={{ marginRight: 4 }} />
      {v.text}
    </Typography.Text>
  );
}
