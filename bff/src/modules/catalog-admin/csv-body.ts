import type { ParameterizedContext } from 'koa';
import { AppError } from '../../http/errors';

/** Largest CSV upload accepted, in bytes (10,000 product rows are about 1 MB). */
export const CSV_LIMIT_BYTES = 5 * 1024 * 1024;

/** Content types a CSV upload may be sent as (Excel and browsers differ). */
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];

const tooLarge = (limitBytes: number) =>
  new AppError(413, 'PAYLOAD_TOO_LARGE', `CSV 文件不能超过 ${Math.round(limitBytes / 1024 / 1024)} MB`);

/**
 * Reads the raw body of a CSV upload (the app's JSON body parser leaves it alone): 415 for another
 * content type, 413 PAYLOAD_TOO_LARGE past `limitBytes` (the rest of the upload is drained, not kept).
 */
export async function readCsvBody(ctx: ParameterizedContext, limitBytes = CSV_LIMIT_BYTES): Promise<Buffer> {
  if (!ctx.is(CSV_TYPES)) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请上传 CSV 文件（Content-Type: text/csv）');
  }
  const declared = Number(ctx.get('Content-Length') || 0);
  if (declared > limitBytes) {
    ctx.req.resume();
    throw tooLarge(limitBytes);
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limitBytes) parts.push(chunk);
  }
  if (size > limitBytes) throw tooLarge(limitBytes);
  return Buffer.concat(parts);
}
