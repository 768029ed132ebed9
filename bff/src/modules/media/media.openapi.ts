import { z } from 'zod';
import * as T from '@omni/shared-types';
import type { ApiOperation } from '../../http/openapi';

/** `POST /admin/uploads`, listed in API_OPERATIONS. */
export const MEDIA_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/admin/uploads',
    summary:
      '上传商品图片（原始字节，Content-Type 为 image/jpeg、image/png 或 image/webp，≤ 2 MB；按内容识别真实类型，去除元数据，长边缩至 1200 px 以内；201 返回可写入商品 images 的 url）',
    roles: ['admin'],
    body: z.string().meta({ format: 'binary' }),
    bodyType: 'image/*',
    response: T.AdminUploadResponse,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'IMAGE_UNREADABLE'],
  },
];
