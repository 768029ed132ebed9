import { createHash } from 'node:crypto';
import { fromBuffer } from 'file-type';
import sharp from 'sharp';
import {
  ADMIN_UPLOAD_MAX_BYTES,
  ADMIN_UPLOAD_MAX_EDGE_PX,
  ADMIN_UPLOAD_TYPES,
  type AdminUploadResponse,
  type AdminUploadType,
} from '@omni/shared-types';
import type { LocalFileStore } from '../../adapters/file-store';
import type { TxRunner } from '../../db/tx';
import { AppError, UnprocessableError } from '../../http/errors';
import type { AuditActor, AuditService } from '../audit/audit.service';

/** URL prefix the public uploads are served under (from `<uploads>/public`). */
export const PUBLIC_UPLOADS_URL = '/assets/uploads';
/** Folder of the file store whose files everyone may fetch. */
const PUBLIC_KEY = 'public';
/** Decoded pixels an upload may have (about 8000 × 6000): a small file that inflates to more is refused. */
const MAX_INPUT_PIXELS = 50_000_000;

const EXT: Record<AdminUploadType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};
const TYPE_TEXT = 'JPEG、PNG 或 WebP';

/** 415 UNSUPPORTED_MEDIA_TYPE with the reason. */
export const unsupportedImage = (why = `只支持 ${TYPE_TEXT} 图片`) =>
  new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', why);
/** 413 PAYLOAD_TOO_LARGE: over ADMIN_UPLOAD_MAX_BYTES. */
export const imageTooLarge = () =>
  new AppError(413, 'PAYLOAD_TOO_LARGE', `图片不能超过 ${ADMIN_UPLOAD_MAX_BYTES / 1024 / 1024} MB`);

/** The upload type a Content-Type header names (parameters ignored), or null for any other. */
export function uploadTypeOf(header: string): AdminUploadType | null {
  const type = (header.split(';')[0] ?? '').trim().toLowerCase();
  return ADMIN_UPLOAD_TYPES.find((t) => t === type) ?? null;
}

/**
 * Product images uploaded from the back office: the bytes must really be the declared type
 * (sniffed with file-type), are decoded and re-encoded in that format (EXIF rotation applied,
 * metadata such as GPS dropped, at most 1200 px on the long side) and stored under a name made
 * from their content, so a url never changes what it shows and can be cached for good.
 */
export class MediaService {
  /** Absolute folder served at PUBLIC_UPLOADS_URL. */
  readonly publicDir: string;

  constructor(private readonly deps: { files: LocalFileStore; tx: TxRunner; audit: AuditService }) {
    this.publicDir = deps.files.ensureDir(PUBLIC_KEY);
  }

  /** Checks, re-encodes and stores one product image sent as `declared`; audited as `upload`. */
  async uploadProductImage(
    actor: AuditActor,
    declared: AdminUploadType,
    bytes: Buffer,
  ): Promise<AdminUploadResponse> {
    if (bytes.length > ADMIN_UPLOAD_MAX_BYTES) throw imageTooLarge();
    const sniffed = bytes.length ? await fromBuffer(bytes) : undefined;
    if (!sniffed || !(ADMIN_UPLOAD_TYPES as readonly string[]).includes(sniffed.mime)) {
      throw unsupportedImage(`文件不是 ${TYPE_TEXT} 图片`);
    }
    if (sniffed.mime !== declared) {
      throw unsupportedImage(`文件内容是 ${sniffed.mime}，与声明的 ${declared} 不符`);
    }
    const out = await reencode(bytes, declared);
    const name = `${createHash('sha256').update(out.data).digest('hex').slice(0, 32)}.${EXT[declared]}`;
    const key = `products/${name}`;
    await this.deps.files.put(`${PUBLIC_KEY}/${key}`, out.data);
    const answer: AdminUploadResponse = {
      url: `${PUBLIC_UPLOADS_URL}/${key}`,
      width: out.width,
      height: out.height,
      bytes: out.data.length,
      contentType: declared,
    };
    await this.deps.tx.run((m) =>
      this.deps.audit.record(m, actor, {
        action: 'upload',
        entity: 'upload',
        entityId: key,
        after: { ...answer, originalBytes: bytes.length },
      }),
    );
    return answer;
  }
}

/** Decodes and re-encodes in the same format; anything libvips cannot read is 422 IMAGE_UNREADABLE. */
async function reencode(
  bytes: Buffer,
  type: AdminUploadType,
): Promise<{ data: Buffer; width: number; height: number }> {
  try {
    const img = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate().resize({
      width: ADMIN_UPLOAD_MAX_EDGE_PX,
      height: ADMIN_UPLOAD_MAX_EDGE_PX,
      fit: 'inside',
      withoutEnlargement: true,
    });
    const encoded =
      type === 'image/jpeg'
        ? img.jpeg({ quality: 85, mozjpeg: true })
        : type === 'image/png'
          ? img.png({ compressionLevel: 9 })
          : img.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (err) {
    const why = /pixel limit/i.test((err as Error).message)
      ? '图片像素过多（最多约 5000 万像素）'
      : '图片已损坏或无法读取';
    throw new UnprocessableError('IMAGE_UNREADABLE', why);
  }
}
