// The store Drawer: address and contact, the GCJ-02 point picked on the map, weekly hours, closed
// dates and the service switches, with the pick-up card the mini-program will show.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { AdminStore, AdminStoreCreateBody, AdminZoneListResponse, FieldIssue } from '@omni/shared-types';
import { api } from '../../api/client';
import { showConflict } from '../../components/conflict';
import { dayjs } from '../../components/format';
import { PageState } from '../../components/PageState';
import { useApi } from '../../components/useApi';
import { invalidateStores } from '../../components/useStores';
import { GeoMap, type MapPoint, type MapPolygon } from '../../map/GeoMap';
import { showFormError, untranslated } from './form-errors';
import { WEEK_ROWS, defaultRows, hoursFromRows, remapHoursPath, rowsFromHours, type HoursRow } from './hours';
import { HoursRows } from './hours-rows';
import { PickupPreview } from './pickup-preview';

/** The form's values: hours as seven rows (周一…周日), closed dates as `YYYY-MM-DD`. */
export interface StoreFormValues {
  code: string;
  name: string;
  district: string;
  address: string;
  phone: string;
  lat: number | null;
  lng: number | null;
  hours: Pick<HoursRow, 'closed' | 'open' | 'close'>[];
  closedDates: string[];
  pickup: boolean;
  delivery: boolean;
  active: boolean;
}

const ZONE_COLOURS = ['#1677ff', '#13c2c2', '#722ed1', '#fa8c16', '#eb2f96'];

function valuesOf(s: AdminStore | null): StoreFormValues {
  const rows = s ? rowsFromHours(s.hours) : defaultRows();
  return {
    code: s?.code ?? '',
    name: s?.name ?? '',
    district: s?.district ?? '',
    address: s?.address ?? '',
    phone: s?.phone ?? '',
    lat: s?.lat ?? null,
    lng: s?.lng ?? null,
    hours: rows.map(({ closed, open, close }) => ({ closed, open, close })),
    closedDates: s?.closedDates ?? [],
    pickup: s?.pickup ?? true,
    delivery: s?.delivery ?? true,
    active: s?.active ?? true,
  };
}

/** The body the API takes, and the row each hours entry came from. */
export function bodyOf(
  v: StoreFormValues,
  extras: readonly HoursRow['extra'][],
): { body: AdminStoreCreateBody; rowOf: number[] } {
  const rows = v.hours.map((h, i) => ({ ...h, weekday: WEEK_ROWS[i], extra: extras[i] ?? [] }));
  const { hours, rowOf } = hoursFromRows(rows);
  return {
    body: {
      code: v.code.trim(),
      name: v.name.trim(),
      district: v.district.trim(),
      address: v.address.trim(),
      phone: v.phone.trim(),
      lat: v.lat ?? NaN,
      lng: v.lng ?? NaN,
      hours,
      closedDates: [...v.closedDates].sort(),
      pickup: v.pickup,
      delivery: v.delivery,
      active: v.active,
    },
    rowOf,
  };
}

/** The API's (English) schema messages of the store fields, in Chinese. */
function zhIssue(f: FieldIssue): string | null {
  if (!untranslated(f.message)) return null;
  const top = f.path.split('.')[0];
  if (top === 'code') return '编码只能包含字母、数字、- 和 _（2–32 位）';
  if (top === 'lat' || top === 'lng')
    return /china/i.test(f.message) ? '门店坐标须位于中国大陆（GCJ-02）' : '坐标超出范围';
  if (top === 'hours') return /differ/.test(f.message) ? '开门与打烊时间不能相同' : '时间须为 HH:MM';
  if (top === 'closedDates') return '日期无效';
  if (['name', 'address', 'phone', 'district'].includes(top))
    return /too_big|at most|<=/.test(`${f.code ?? ''} ${f.message}`) ? '内容过长' : '请填写此项';
  return null;
}

export interface StoreDrawerProps {
  open: boolean;
  /** The store to edit; null to create one. */
  storeId: number | null;
  /** Every store, drawn on the map for context. */
  stores: AdminStore[];
  onClose(): void;
  onSaved(store: AdminStore): void;
}

/** The create/edit Drawer of a store. */
export function StoreDrawer(props: StoreDrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<StoreFormValues>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const extras = useRef<HoursRow['extra'][]>([]);
  const id = props.storeId;
  const loaded = useApi(
    (signal) =>
      id === null ? Promise.resolve(null) : api.get<AdminStore>(`/admin/stores/${id}`, undefined, signal),
    [props.open ? id : null, props.open],
  );
  const zones = useApi(
    (signal) =>
      api.get<AdminZoneListResponse>('/admin/zones', { storeId: id ?? undefined, pageSize: 200 }, signal),
    [props.open && id !== null ? id : null],
  );
  const store = id === null ? null : (loaded.data ?? null);

  useEffect(() => {
    if (!props.open || (id !== null && !store)) return;
    extras.current = store ? rowsFromHours(store.hours).map((r) => r.extra) : [];
    form.resetFields();
    form.setFieldsValue(valuesOf(store));
    setAlert(null);
  }, [props.open, id, store, form]);

  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);
  const watched = Form.useWatch([], form) as StoreFormValues | undefined;

  const points = useMemo<MapPoint[]>(() => {
    const others = props.stores
      .filter((s) => s.id !== id)
      .map<MapPoint>((s) => ({
        id: `s${s.id}`,
        at: [s.lng, s.lat],
        color: '#8c8c8c',
        size: 5,
        label: s.name,
        title: s.address,
      }));
    if (typeof lat === 'number' && typeof lng === 'number')
      others.push({ id: 'me', at: [lng, lat], color: '#c2185b', shape: 'pin', size: 11, label: '本店' });
    return others;
  }, [props.stores, id, lat, lng]);
  const polygons = useMemo<MapPolygon[]>(
    () =>
      id === null
        ? []
        : (zones.data?.items ?? []).map((z, i) => ({
            id: z.id,
            rings: [z.polygon.coordinates[0] as [number, number][]],
            color: ZONE_COLOURS[i % ZONE_COLOURS.length],
            label: z.name,
            dashed: !z.active,
          })),
    [zones.data, id],
  );

  const reload = () => loaded.reload();

  const submit = async () => {
    setAlert(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const { body, rowOf } = bodyOf(form.getFieldsValue(true) as StoreFormValues, extras.current);
    setSaving(true);
    try {
      const saved =
        id === null
          ? await api.post<AdminStore>('/admin/stores', body)
          : await api.patch<AdminStore>(`/admin/stores/${id}`, { ...body, version: store!.version });
      invalidateStores();
      message.success(id === null ? '门店已创建' : '门店已保存');
      props.onSaved(saved);
    } catch (err) {
      if (showConflict(err, reload)) return;
      setAlert(
        showFormError(form, err, {
          codes: { STORE_CODE_TAKEN: { path: 'code', message: '该门店编码已被使用' } },
          remap: (p) => (p.startsWith('closedDates') ? 'closedDates' : remapHoursPath(p, rowOf)),
          zh: zhIssue,
        }),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={1160}
      destroyOnHidden
      title={id === null ? '新建门店' : `编辑门店 · ${store?.name ?? ''}`}
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={submit} disabled={id !== null && !store}>
            保存
          </Button>
        </Space>
      }
    >
      <PageState loading={id !== null && loaded.loading} error={loaded.error} onRetry={reload}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form<StoreFormValues> form={form} layout="vertical" onFinish={submit}>
          <Row gutter={24}>
            <Col span={11}>
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item
                    label="门店编码"
                    name="code"
                    rules={[
                      { required: true, message: '请填写门店编码' },
                      {
                        pattern: /^[A-Za-z0-9_-]{2,32}$/,
                        message: '编码只能包含字母、数字、- 和 _（2–32 位）',
                      },
                    ]}
                  >
                    <Input placeholder="如 SH-JA-01" />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item
                    label="门店名称"
                    name="name"
                    rules={[
                      { required: true, whitespace: true, message: '请填写门店名称' },
                      { max: 64, message: '最多 64 个字' },
                    ]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item label="行政区" name="district" rules={[{ max: 32, message: '最多 32 个字' }]}>
                    <Input placeholder="如 静安区" />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item
                    label="电话"
                    name="phone"
                    rules={[
                      { required: true, whitespace: true, message: '请填写门店电话' },
                      { max: 32, message: '最多 32 个字符' },
                    ]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                label="地址"
                name="address"
                rules={[
                  { required: true, whitespace: true, message: '请填写门店地址' },
                  { max: 255, message: '最多 255 个字' },
                ]}
              >
                <Input />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item
                    label="纬度（GCJ-02）"
                    name="lat"
                    rules={[{ required: true, message: '请在地图上点选门店位置' }]}
                  >
                    <InputNumber style={{ width: '100%' }} min={-90} max={90} precision={6} step={0.0001} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    label="经度（GCJ-02）"
                    name="lng"
                    rules={[{ required: true, message: '请在地图上点选门店位置' }]}
                  >
                    <InputNumber style={{ width: '100%' }} min={-180} max={180} precision={6} step={0.0001} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="营业时间" required>
                <HoursRows />
              </Form.Item>
              <Form.Item
                label="休息日（全天不营业，不可自提）"
                name="closedDates"
                getValueProps={(v: string[] | undefined) => ({ value: (v ?? []).map((d) => dayjs(d)) })}
                normalize={(ds: Dayjs[] | null) => (ds ?? []).map((d) => d.format('YYYY-MM-DD')).sort()}
              >
                <DatePicker multiple style={{ width: '100%' }} placeholder="选择日期，可多选" />
              </Form.Item>
              <Space size="large" wrap>
                <Form.Item label="到店自提" name="pickup" valuePropName="checked">
                  <Switch aria-label="到店自提" />
                </Form.Item>
                <Form.Item label="配送" name="delivery" valuePropName="checked">
                  <Switch aria-label="配送" />
                </Form.Item>
                <Form.Item label="启用" name="active" valuePropName="checked">
                  <Switch aria-label="启用" />
                </Form.Item>
              </Space>
            </Col>
            <Col span={13}>
              <Typography.Text type="secondary">
                在地图上点击即可设置门店位置（GCJ-02）；灰点为其他门店，色块为本店的配送区。
              </Typography.Text>
              <div style={{ marginTop: 8 }}>
                <GeoMap
                  height={400}
                  points={points}
                  polygons={polygons}
                  fitKey={`${id ?? 'new'}|${zones.data ? 'z' : ''}`}
                  ariaLabel="门店位置地图"
                  onMapClick={([x, y]) => form.setFieldsValue({ lng: +x.toFixed(6), lat: +y.toFixed(6) })}
                />
              </div>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                小程序自提点预览
              </Typography.Title>
              <PickupPreview values={watched} />
            </Col>
          </Row>
        </Form>
      </PageState>
    </Drawer>
  );
}
