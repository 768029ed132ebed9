// The product's images as a form control: a picture wall whose files are sent one by one as raw
// bytes to `POST /admin/uploads` (with their Content-Type and the bearer token); its value is the
// list of stored image urls, in order.
import { useEffect, useState } from 'react';
import { App, Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AdminUploadResponse } from '@omni/shared-types';
import { ADMIN_UPLOAD_MAX_BYTES, ADMIN_UPLOAD_TYPES } from '@omni/shared-types';
import { ApiError, request } from '../../api/client';

const MAX_IMAGES = 20;

type Item = UploadFile<AdminUploadResponse>;

const urlOf = (f: Item): string | undefined => f.url ?? f.response?.url;
const itemOf = (url: string, i: number): Item => ({
  uid: `img-${i}-${url}`,
  name: url.split('/').pop() ?? url,
  status: 'done',
  url,
});
const doneUrls = (list: Item[]): string[] =>
  list.filter((f) => f.status === 'done').flatMap((f) => urlOf(f) ?? []);

/** Why this file can't be uploaded, or null. */
export function imageProblem(file: { type: string; size: number }): string | null {
  if (!(ADMIN_UPLOAD_TYPES as readonly string[]).includes(file.type)) return '只能上传 JPG、PNG 或 WebP 图片';
  if (file.size > ADMIN_UPLOAD_MAX_BYTES) return `图片不能超过 ${ADMIN_UPLOAD_MAX_BYTES / 1024 / 1024} MB`;
  return null;
}

export function ImagesInput({ value, onChange }: { value?: string[]; onChange?(urls: string[]): void }) {
  const { message } = App.useApp();
  const urls = value ?? [];
  const [list, setList] = useState<Item[]>(() => urls.map(itemOf));

  // The form reset or loaded another product: show its images (uploads in flight are kept).
  const key = urls.join('\n');
  useEffect(() => {
    setList((prev) =>
      doneUrls(prev).join('\n') === key
        ? prev
        : [...urls.map(itemOf), ...prev.filter((f) => f.status !== 'done')],
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <Upload<AdminUploadResponse>
      listType="picture-card"
      accept={ADMIN_UPLOAD_TYPES.join(',')}
      multiple
      fileList={list}
      beforeUpload={(file) => {
        const problem = imageProblem(file);
        if (problem) {
          message.error(`${file.name}：${problem}`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        const f = file as File;
        request<AdminUploadResponse>('/admin/uploads', {
          method: 'POST',
          raw: { body: f, contentType: f.type },
        })
          .then((r) => onSuccess?.(r))
          .catch((e: Error) => {
            message.error(`${f.name}：${e.message}`);
            onError?.(e instanceof ApiError ? e : new Error(e.message));
          });
      }}
      onChange={({ fileList }) => {
        const next = fileList.map((f) =>
          f.status === 'done' && f.response ? { ...f, url: f.response.url, thumbUrl: f.response.url } : f,
        );
        setList(next);
        const done = doneUrls(next);
        if (done.join('\n') !== key) onChange?.(done);
      }}
      onPreview={(f) => {
        const u = urlOf(f);
        if (u) window.open(u, '_blank', 'noopener');
      }}
    >
      {list.length >= MAX_IMAGES ? null : (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>上传图片</div>
        </button>
      )}
    </Upload>
  );
}
