// How the mini-program's store list shows this store as a pick-up point (its store card): name and
// distance, address, today's hours, the 自提/配送 tags. Colours follow miniapp/components/store-card.
import { Typography } from 'antd';
import { TZ, dayjs } from '../../components/format';
import { formatStoreDistance, hoursFromRows, todayLabel, WEEK_ROWS } from './hours';
import type { StoreFormValues } from './store-form';

/** A customer 1.2 km away: the preview's sample distance. */
const SAMPLE_DISTANCE_M = 1200;
const BRAND = '#c2185b';

export function PickupPreview({ values }: { values: StoreFormValues | undefined }) {
  if (!values) return null;
  const now = dayjs().tz(TZ);
  const { hours } = hoursFromRows(
    (values.hours ?? []).map((h, i) => ({ ...h, weekday: WEEK_ROWS[i], extra: [] })),
  );
  const label = todayLabel(hours, values.closedDates ?? [], {
    date: now.format('YYYY-MM-DD'),
    weekday: now.day(),
  });
  const open = !label.includes('休息');
  const services = [values.pickup && '自提', values.delivery && '配送'].filter(Boolean) as string[];
  return (
    <div
      aria-label="自提点预览"
      style={{
        maxWidth: 360,
        padding: 12,
        background: '#fff',
        border: `1px solid ${BRAND}`,
        borderRadius: 8,
        boxShadow: '0 1px 4px rgba(0,0,0,0.06)',
        opacity: values.active === false ? 0.5 : 1,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center' }}>
        <span style={{ fontSize: 15, fontWeight: 600, color: '#262626' }}>{values.name || '门店名称'}</span>
        <span style={{ marginLeft: 'auto', paddingLeft: 8, fontSize: 13, color: BRAND }}>
          {formatStoreDistance(SAMPLE_DISTANCE_M)}
        </span>
      </div>
      <div style={{ marginTop: 4, fontSize: 12, color: '#8c8c8c' }}>{values.address || '门店地址'}</div>
      <div style={{ display: 'flex', alignItems: 'center', marginTop: 8, fontSize: 12 }}>
        <span style={{ color: open ? '#389e0d' : '#8c8c8c' }}>{label}</span>
        <span style={{ marginLeft: 'auto', display: 'flex' }}>
          {services.map((s) => (
            <span
              key={s}
              style={{
                marginLeft: 4,
                padding: '0 6px',
                fontSize: 11,
                color: BRAND,
                border: `1px solid ${BRAND}`,
                borderRadius: 3,
              }}
            >
              {s}
            </span>
          ))}
        </span>
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 11 }}>
        {[
          '距离为示例（顾客距门店 1.2 km）',
          values.pickup ? null : '未开启自提，小程序自提列表不显示本店',
          values.active === false ? '门店已停用，小程序不显示' : null,
        ]
          .filter(Boolean)
          .join('；')}
      </Typography.Text>
    </div>
  );
}
