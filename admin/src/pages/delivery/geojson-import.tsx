// GeoJSON import: paste text or pick a .geojson/.json file, see each polygon found with its check,
// and load one into the zone editor (a new zone, or the zone being edited).
import { useState } from 'react';
import { Alert, Button, Input, Modal, Radio, Space, Spin, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { parseGeoJson, type GeoJsonImport, type ImportedPolygon } from '../../map/geojson';
import { ringAreaM2 } from '../../map/geometry';

export function GeoJsonImportDialog(props: {
  open: boolean;
  /** Where the polygon goes, shown on the OK button. */
  target: string;
  onClose(): void;
  onPick(p: ImportedPolygon): void;
}) {
  const [text, setText] = useState('');
  const [reading, setReading] = useState(false);
  const [result, setResult] = useState<GeoJsonImport | null>(null);
  const [picked, setPicked] = useState(0);

  const check = (t: string) => {
    const r = parseGeoJson(t);
    setResult(r);
    setPicked(
      'polygons' in r
        ? Math.max(
            0,
            r.polygons.findIndex((p) => !p.problem),
          )
        : 0,
    );
  };
  const polygons = result && 'polygons' in result ? result.polygons : [];
  const chosen = polygons[picked];

  return (
    <Modal
      open={props.open}
      title="导入 GeoJSON"
      width={640}
      destroyOnHidden
      onCancel={props.onClose}
      okText={props.target}
      okButtonProps={{ disabled: !chosen || chosen.problem !== null }}
      onOk={() => {
        if (chosen && !chosen.problem) props.onPick(chosen);
      }}
      afterClose={() => {
        setText('');
        setResult(null);
      }}
    >
      <Typography.Paragraph type="secondary">
        支持 Polygon、MultiPolygon、Feature、FeatureCollection；坐标须为 GCJ-02 的 [经度, 纬度]。
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          aria-label="GeoJSON 内容"
          rows={7}
          value={text}
          placeholder='{"type":"Polygon","coordinates":[[[121.44,31.22],…]]}'
          onChange={(e) => setText(e.target.value)}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
        />
        <Space>
          <Button onClick={() => check(text)} disabled={!text.trim()}>
            检查
          </Button>
          <Upload
            accept=".geojson,.json,application/geo+json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              setReading(true);
              file
                .text()
                .then((t) => {
                  setText(t);
                  check(t);
                })
                .catch(() => setResult({ error: '无法读取该文件' }))
                .finally(() => setReading(false));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Space>
        <Spin spinning={reading}>
          {result && 'error' in result && <Alert type="error" showIcon title={result.error} />}
          {polygons.length > 0 && (
            <Radio.Group
              value={picked}
              onChange={(e) => setPicked(e.target.value as number)}
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            >
              {polygons.map((p, i) => (
                <Radio key={`${p.where}-${i}`} value={i} disabled={p.problem !== null}>
                  <span>
                    {p.name ?? (p.where || '多边形')}（{p.ring.length} 个顶点
                    {p.problem ? '' : `，约 ${(ringAreaM2(p.ring) / 1e6).toFixed(2)} 平方公里`}）
                  </span>
                  {p.problem && (
                    <Typography.Text type="danger" style={{ marginLeft: 8 }}>
                      {p.problem}
                    </Typography.Text>
                  )}
                </Radio>
              ))}
            </Radio.Group>
          )}
        </Spin>
      </Space>
    </Modal>
  );
}
