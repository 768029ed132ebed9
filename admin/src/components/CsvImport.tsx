// One CSV import dialog for every importer (products, stock): pick or drop a .csv file, a dry run
// (`?dryRun=1`, nothing written) shows what would be created/updated or every bad cell, and only a
// clean preview can be committed with 确认导入.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Modal, Result, Space, Spin, Steps, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { ImportResult } from '@omni/shared-types';
import { request } from '../api/client';
import {
  canConfirm,
  previewFromError,
  previewFromResult,
  type CsvPreview,
  type CsvRowIssue,
} from './csv-preview';

export interface CsvImportProps {
  open: boolean;
  /** Dialog title, e.g. 导入商品. */
  title: string;
  /** The import route, e.g. `/admin/import/products`. */
  path: string;
  /** The file's columns, shown as a hint. */
  columns: { required: readonly string[]; optional?: readonly string[] };
  /** Extra hint below the columns. */
  hint?: ReactNode;
  onClose(): void;
  /** After a committed import (reload the page's data here). */
  onImported(result: ImportResult): void;
}

type Phase = 'idle' | 'checking' | 'checked' | 'importing' | 'done';

const STEP: Record<Phase, number> = { idle: 0, checking: 1, checked: 1, importing: 2, done: 2 };

function Counts({ p }: { p: Extract<CsvPreview, { kind: 'ready' }> }) {
  return (
    <Space size="large">
      <span>
        新增 <Typography.Text strong>{p.created}</Typography.Text> 行
      </span>
      <span>
        更新 <Typography.Text strong>{p.updated}</Typography.Text> 行
      </span>
      <span>
        无变化 <Typography.Text strong>{p.unchanged}</Typography.Text> 行
      </span>
    </Space>
  );
}

function RowErrors({ p }: { p: Extract<CsvPreview, { kind: 'rows' }> }) {
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={p.message}
        description={`共 ${p.rows} 行、${p.errors.length} 处错误，请修改文件后重新选择。未写入任何数据。`}
        style={{ marginBottom: 12 }}
      />
      <Table<CsvRowIssue>
        size="small"
        rowKey="key"
        dataSource={p.errors}
        pagination={p.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { title: '行', dataIndex: 'row', width: 70 },
          { title: '列', dataIndex: 'column', width: 130, render: (v: string) => <code>{v}</code> },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </>
  );
}

export function CsvImport(props: CsvImportProps) {
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [preview, setPreview] = useState<CsvPreview | null>(null);

  const send = (f: File, dryRun: boolean) =>
    request<ImportResult>(props.path, {
      method: 'POST',
      query: dryRun ? { dryRun: 1 } : undefined,
      // Browsers and Excel label CSV files differently (or not at all): always send it as text/csv.
      raw: { body: f, contentType: 'text/csv' },
    });

  const check = async (f: File) => {
    setFile(f);
    setPhase('checking');
    setPreview(null);
    try {
      setPreview(previewFromResult(await send(f, true)));
    } catch (err) {
      setPreview(previewFromError(err));
    }
    setPhase('checked');
  };

  const commit = async () => {
    if (!file || !canConfirm(preview)) return;
    setPhase('importing');
    try {
      const r = await send(file, false);
      const p = previewFromResult(r);
      setPreview(p);
      setPhase(p.kind === 'ready' ? 'done' : 'checked');
      if (p.kind === 'ready') props.onImported(r);
    } catch (err) {
      // The data changed since the dry run (a new row error, a taken SKU): show why, nothing written.
      setPreview(previewFromError(err));
      setPhase('checked');
    }
  };

  const reset = () => {
    setFile(null);
    setPhase('idle');
    setPreview(null);
  };

  const busy = phase === 'checking' || phase === 'importing';
  const cols = props.columns;

  return (
    <Modal
      open={props.open}
      title={props.title}
      width={720}
      destroyOnHidden
      mask={{ closable: !busy }}
      closable={!busy}
      onCancel={() => !busy && props.onClose()}
      afterClose={reset}
      footer={
        phase === 'done' ? (
          <Button type="primary" onClick={props.onClose}>
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={props.onClose} disabled={busy}>
              取消
            </Button>
            {file && (
              <Button onClick={reset} disabled={busy}>
                重新选择
              </Button>
            )}
            <Button
              type="primary"
              disabled={!canConfirm(preview) || busy}
              loading={phase === 'importing'}
              onClick={commit}
            >
              确认导入
            </Button>
          </Space>
        )
      }
    >
      <Steps
        size="small"
        current={STEP[phase]}
        status={preview && preview.kind !== 'ready' ? 'error' : phase === 'done' ? 'finish' : 'process'}
        style={{ marginBottom: 20 }}
        items={[{ title: '选择文件' }, { title: '预检（不写入）' }, { title: '导入' }]}
      />
      {phase === 'idle' && (
        <>
          <Upload.Dragger
            accept=".csv,text/csv"
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              void check(f);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽 CSV 文件到此处</p>
            <p className="ant-upload-hint">
              UTF-8 编码（Excel 请“另存为 CSV UTF-8”），选择后先预检，不会写入数据
            </p>
          </Upload.Dragger>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            表头必须包含：<code>{cols.required.join(',')}</code>
            {cols.optional?.length ? (
              <>
                ，可选：<code>{cols.optional.join(',')}</code>
              </>
            ) : null}
            {props.hint ? <> {props.hint}</> : null}
          </Typography.Paragraph>
        </>
      )}
      {file && phase !== 'idle' && (
        <Typography.Paragraph>
          文件：<Typography.Text strong>{file.name}</Typography.Text>
        </Typography.Paragraph>
      )}
      {phase === 'checking' && (
        <div style={{ textAlign: 'center', padding: 32 }}>
          <Spin description="正在预检…" size="large">
            <div style={{ height: 48 }} />
          </Spin>
        </div>
      )}
      {phase === 'importing' && (
        <div style={{ textAlign: 'center', padding: 32 }}>
          <Spin description="正在导入，请勿关闭…" size="large">
            <div style={{ height: 48 }} />
          </Spin>
        </div>
      )}
      {phase === 'checked' && preview?.kind === 'ready' && (
        <Alert
          type="success"
          showIcon
          title="预检通过，尚未写入"
          description={
            <Space orientation="vertical">
              <Counts p={preview} />
              <span>点击“确认导入”写入以上变更。</span>
            </Space>
          }
        />
      )}
      {phase === 'checked' && preview?.kind === 'rows' && <RowErrors p={preview} />}
      {phase === 'checked' && preview?.kind === 'failed' && (
        <Alert type="error" showIcon title={preview.message} description={preview.detail ?? undefined} />
      )}
      {phase === 'done' && preview?.kind === 'ready' && (
        <Result status="success" title="导入完成" subTitle={<Counts p={preview} />} />
      )}
    </Modal>
  );
}
