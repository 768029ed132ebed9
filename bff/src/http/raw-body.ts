import type { ParameterizedContext } from 'koa';

/**
 * Reads a raw request body (an image, a file) the JSON body parser left alone, at most `limitBytes`.
 * Past the limit — declared by Content-Length or counted while reading — it throws `tooLarge()`
 * after draining the rest of the upload, so the client still reads the 413 instead of a reset.
 */
export async function readRawBody(
  ctx: ParameterizedContext,
  limitBytes: number,
  tooLarge: () => Error,
): Promise<Buffer> {
  if (Number(ctx.get('Content-Length') || 0) > limitBytes) {
    ctx.req.resume();
    throw tooLarge();
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limitBytes) parts.push(chunk);
  }
  if (size > limitBytes) throw tooLarge();
  return Buffer.concat(parts);
}
