// The seven 周一…周日 rows of the store form: an 营业/休息 switch and open/close TimePickers, each
// row checked on its own (both times when open, not equal).
import { Form, Space, Switch, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { dayjs } from '../../components/format';
import { WEEK_LABELS, rowProblem, type HoursRow } from './hours';
import type { StoreFormValues } from './store-form';

const hm = (v: string | null | undefined): Dayjs | null => {
  if (!v) return null;
  const [h, m] = v.split(':').map(Number);
  return dayjs().hour(h).minute(m).second(0).millisecond(0);
};

/** The hours field of the store form (values at `hours.<row>.closed|open|close`). */
export function HoursRows({ disabled }: { disabled?: boolean }) {
  const form = Form.useFormInstance<StoreFormValues>();
  return (
    <div role="group" aria-label="营业时间">
      {WEEK_LABELS.map((label, i) => (
        <Space key={label} align="start" style={{ display: 'flex', marginBottom: 4 }}>
          <span style={{ display: 'inline-block', width: 36, lineHeight: '32px' }}>{label}</span>
          <Form.Item
            name={['hours', i, 'closed']}
            getValueProps={(closed: boolean) => ({ checked: !closed })}
            normalize={(open: boolean) => !open}
            noStyle
          >
            <Switch
              aria-label={`${label}营业`}
              checkedChildren="营业"
              unCheckedChildren="休息"
              disabled={disabled}
              style={{ marginTop: 5, width: 64 }}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={[['hours', i, 'closed']]}>
            {() => {
              const closed = form.getFieldValue(['hours', i, 'closed']) as boolean;
              const rule = (field: 'open' | 'close') => ({
                validator: async () => {
                  const p = rowProblem(form.getFieldValue(['hours', i]) as HoursRow);
                  if (p && p.field === field) throw new Error(p.message);
                },
              });
              return (
                <Space align="start">
                  {(['open', 'close'] as const).map((field) => (
                    <Form.Item
                      key={field}
                      name={['hours', i, field]}
                      rules={[rule(field)]}
                      dependencies={field === 'close' ? [['hours', i, 'open']] : []}
                      getValueProps={(v: string | null) => ({ value: hm(v) })}
                      normalize={(d: Dayjs | null) => (d ? d.format('HH:mm') : null)}
                      style={{ marginBottom: 4 }}
                    >
                      <TimePicker
                        aria-label={`${label}${field === 'open' ? '开门' : '打烊'}`}
                        format="HH:mm"
                        minuteStep={5}
                        needConfirm={false}
                        disabled={disabled || closed}
                        placeholder={field === 'open' ? '开门' : '打烊'}
                        style={{ width: 110 }}
                      />
                    </Form.Item>
                  ))}
                </Space>
              );
            }}
          </Form.Item>
        </Space>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        打烊早于开门表示营业至次日；打烊 00:00 表示营业至午夜。
      </Typography.Text>
    </div>
  );
}
