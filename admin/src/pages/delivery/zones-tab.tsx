// 配送区域: the store's zones listed on the left and drawn on the map; an admin draws a new zone,
// drags an existing one's vertices, imports or exports GeoJSON. A crossing polygon is refused here,
// before the BFF would answer ZONE_INVALID.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Form, Row, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import type { AdminStore, AdminZone } from '@omni/shared-types';
import { ApiError, api } from '../../api/client';
import { showConflict } from '../../components/conflict';
import { yuan } from '../../components/format';
import { zonesToGeoJson } from '../../map/geojson';
import { closeRing, ringAreaM2, ringProblem } from '../../map/geometry';
import { issuesOf, showFormError } from '../stores/form-errors';
import { saveJson } from './download';
import { GeoJsonImportDialog } from './geojson-import';
import { removeVertex, finishDrawing, type RingEdit } from './ring-edit';
import { ZoneFields, zoneErrorTable, zoneFields, zoneValues, type ZoneFormValues } from './zone-form';
import { ZoneMap, zoneColour, zoneRing } from './zone-map';

type Editing = RingEdit & { zoneId: number | null; version: number | null };

/** The vertex a 400 ZONE_INVALID names (`polygon.coordinates.0.<i>`), if any. */
export function invalidVertex(err: unknown): number | null {
  if (!(err instanceof ApiError) || err.code !== 'ZONE_INVALID') return null;
  for (const f of issuesOf(err)) {
    const m = /^polygon\.coordinates\.0\.(\d+)/.exec(f.path);
    if (m) return Number(m[1]);
  }
  return null;
}

const km2 = (m2: number) => `${(m2 / 1e6).toFixed(2)} km²`;

export function ZonesTab(props: { store: AdminStore; zones: AdminZone[]; canEdit: boolean; reload(): void }) {
  const { message } = App.useApp();
  const { store, zones, canEdit } = props;
  const [form] = Form.useForm<ZoneFormValues>();
  const [selected, setSelected] = useState<number | null>(null);
  const [edit, setEdit] = useState<Editing | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [importing, setImporting] = useState(false);

  const [initial, setInitial] = useState<{ session: number; values: ZoneFormValues } | null>(null);

  const start = (
    z: AdminZone | null,
    ring: [number, number][] = [],
    mode: RingEdit['mode'] = 'draw',
    name?: string | null,
  ) => {
    setAlert(null);
    setSelected(z?.id ?? null);
    setEdit({
      mode: z ? 'edit' : mode,
      ring: z ? zoneRing(z) : ring,
      selected: null,
      zoneId: z?.id ?? null,
      version: z?.version ?? null,
    });
    const values = zoneValues(z, `Z-${store.code}-${zones.length + 1}`);
    setInitial((i) => ({ session: (i?.session ?? 0) + 1, values: name ? { ...values, name } : values }));
  };
  // Fill the form once it is mounted for this editing session (its instance outlives sessions).
  useEffect(() => {
    if (!initial) return;
    form.resetFields();
    form.setFieldsValue(initial.values);
  }, [initial, form]);
  const onEdit = useCallback((next: RingEdit) => setEdit((e) => (e ? { ...e, ...next } : e)), []);

  const problem = edit && edit.mode === 'edit' ? ringProblem(edit.ring) : null;

  const save = async () => {
    if (!edit) return;
    setAlert(null);
    if (edit.mode === 'draw') {
      setAlert('请先完成绘制：双击地图或点击第一个顶点闭合多边形');
      return;
    }
    const p = ringProblem(edit.ring);
    if (p) {
      setAlert(`${p}，请调整顶点后再保存`);
      return;
    }
    let values: ZoneFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const polygon = { type: 'Polygon' as const, coordinates: [closeRing(edit.ring)] };
    setSaving(true);
    try {
      const saved =
        edit.zoneId === null
          ? await api.post<AdminZone>('/admin/zones', { ...zoneFields(values), storeId: store.id, polygon })
          : await api.patch<AdminZone>(`/admin/zones/${edit.zoneId}`, {
              ...zoneFields(values),
              polygon,
              version: edit.version,
            });
      message.success(edit.zoneId === null ? '配送区已创建' : '配送区已保存，下一笔订单即按新范围判断');
      setEdit(null);
      setSelected(saved.id);
      props.reload();
    } catch (err) {
      if (
        showConflict(err, () => {
          setEdit(null);
          props.reload();
        })
      )
        return;
      const vertex = invalidVertex(err);
      if (vertex !== null) {
        // The BFF names the offending position: select that vertex so it can be moved or removed.
        setEdit((e) => (e ? { ...e, selected: vertex < e.ring.length ? vertex : null } : e));
        setAlert(`${(err as Error).message}（第 ${vertex + 1} 个顶点，已选中）`);
        return;
      }
      setAlert(showFormError(form, err, zoneErrorTable));
    } finally {
      setSaving(false);
    }
  };

  const exportAll = (list: AdminZone[], name: string) =>
    saveJson(
      name,
      zonesToGeoJson(
        list.map((z) => ({
          id: z.id,
          code: z.code,
          name: z.name,
          ring: zoneRing(z),
          feeFen: z.feeFen,
          freeThresholdFen: z.freeThresholdFen,
          cutoffMin: z.cutoffMin,
          active: z.active,
        })),
      ),
    );

  const editingZone = edit?.zoneId ? zones.find((z) => z.id === edit.zoneId) : null;
  const list = (
    <Card
      size="small"
      title={`配送区（${zones.length}）`}
      extra={
        <Space size={4}>
          {canEdit && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => start(null)}>
              新建
            </Button>
          )}
          {canEdit && (
            <Button size="small" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              导入
            </Button>
          )}
          <Button
            size="small"
            icon={<DownloadOutlined />}
            disabled={!zones.length}
            onClick={() => exportAll(zones, `${store.code}-zones.geojson`)}
          >
            导出
          </Button>
        </Space>
      }
    >
      {!canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title="配送区范围与运费由品牌管理员维护；本店的时段、停运与容量可在“配送时段”中调整。"
        />
      )}
      {zones.length === 0 ? (
        <Empty description={canEdit ? '还没有配送区，点击“新建”在地图上绘制' : '本店还没有配送区'} />
      ) : (
        <div role="list" aria-label="配送区列表">
          {zones.map((z, i) => (
            <div
              role="listitem"
              key={z.id}
              onClick={() => setSelected(z.id)}
              style={{
                padding: '8px 10px',
                marginBottom: 6,
                borderRadius: 6,
                cursor: 'pointer',
                border: `1px solid ${z.id === selected ? zoneColour(i) : '#f0f0f0'}`,
                background: z.id === selected ? '#f5f9ff' : '#fff',
              }}
            >
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <Space size={6}>
                  <span
                    style={{
                      display: 'inline-block',
                      width: 10,
                      height: 10,
                      borderRadius: 2,
                      background: zoneColour(i),
                    }}
                  />
                  <Typography.Text strong>{z.name}</Typography.Text>
                  {!z.active && <Tag>停用</Tag>}
                </Space>
                <Space size={0}>
                  {canEdit && (
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={`编辑 ${z.name}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        start(z);
                      }}
                    />
                  )}
                  <Button
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    aria-label={`导出 ${z.name}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      exportAll([z], `${z.code}.geojson`);
                    }}
                  />
                </Space>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {z.code} · 配送费 {yuan(z.feeFen)} ·{' '}
                {z.freeThresholdFen === null ? '不免运费' : `满 ${yuan(z.freeThresholdFen)} 免运费`} · 截单{' '}
                {z.cutoffMin} 分钟 · {km2(ringAreaM2(zoneRing(z)))}
              </Typography.Text>
            </div>
          ))}
        </div>
      )}
    </Card>
  );

  const editor = edit && (
    <Card
      size="small"
      title={edit.zoneId === null ? '新建配送区' : `编辑配送区 · ${editingZone?.name ?? ''}`}
      extra={
        <Space size={4}>
          <Button size="small" onClick={() => setEdit(null)}>
            取消
          </Button>
          <Button size="small" type="primary" loading={saving} onClick={save}>
            保存
          </Button>
        </Space>
      }
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} />}
      {initial && <ZoneFields key={initial.session} form={form} initialValues={initial.values} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {edit.ring.length} 个顶点
        {edit.mode === 'edit' && !problem ? ` · 约 ${km2(ringAreaM2(edit.ring))}` : ''}
      </Typography.Text>
    </Card>
  );

  return (
    <Row gutter={16}>
      <Col xs={24} lg={8}>
        {editor ?? list}
      </Col>
      <Col xs={24} lg={16}>
        <Space
          wrap
          style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between', minHeight: 24 }}
        >
          <Typography.Text type={edit ? undefined : 'secondary'}>
            {!edit
              ? '点击地图上的配送区查看；滚轮缩放，拖动平移。'
              : edit.mode === 'draw'
                ? '在地图上依次点击添加顶点；双击、点击第一个顶点或“完成”闭合多边形。'
                : '拖动顶点移动，拖动边中点添加顶点；右键或 Delete 删除选中的顶点。'}
          </Typography.Text>
          {edit && (
            <Space size={4}>
              {edit.mode === 'draw' ? (
                <>
                  <Button
                    size="small"
                    disabled={!edit.ring.length}
                    onClick={() => onEdit(removeVertex(edit, edit.ring.length - 1))}
                  >
                    撤销上一点
                  </Button>
                  <Button
                    size="small"
                    type="primary"
                    disabled={edit.ring.length < 3}
                    onClick={() => onEdit(finishDrawing(edit))}
                  >
                    完成
                  </Button>
                </>
              ) : (
                <>
                  <Button
                    size="small"
                    disabled={edit.selected === null || edit.ring.length <= 3}
                    onClick={() => edit.selected !== null && onEdit(removeVertex(edit, edit.selected))}
                  >
                    删除选中顶点
                  </Button>
                  <Button size="small" onClick={() => onEdit({ mode: 'draw', ring: [], selected: null })}>
                    重新绘制
                  </Button>
                  <Button size="small" onClick={() => setImporting(true)} icon={<ImportOutlined />}>
                    导入范围
                  </Button>
                </>
              )}
            </Space>
          )}
        </Space>
        <div style={{ position: 'relative' }}>
          {problem && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ position: 'absolute', top: 10, left: 10, right: 60, zIndex: 2 }}
              title={`${problem}（红色边），无法保存`}
            />
          )}
          <ZoneMap
            store={store}
            zones={zones}
            selectedId={selected}
            onSelect={setSelected}
            edit={edit}
            onEdit={onEdit}
          />
        </div>
      </Col>
      <GeoJsonImportDialog
        open={importing}
        target={edit ? '替换当前范围' : '载入为新配送区'}
        onClose={() => setImporting(false)}
        onPick={(p) => {
          setImporting(false);
          if (edit) {
            onEdit({ mode: 'edit', ring: p.ring, selected: null });
          } else {
            start(null, p.ring, 'edit', p.name);
          }
          message.success('已载入多边形，可继续调整顶点后保存');
        }}
      />
    </Row>
  );
}
