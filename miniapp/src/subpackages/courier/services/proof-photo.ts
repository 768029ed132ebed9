// Proof photos taken in the browser (H5): checked, shrunk on a canvas, then sent as JPEG bytes.

/** The BFF's limit for one proof photo, bytes (`MAX_PHOTO_BYTES` in courier.service.ts there). */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
/** Longest edge of an uploaded photo, pixels. */
export const MAX_EDGE_PX = 1280;
/** JPEG quality of an uploaded photo (0–1). */
export const JPEG_QUALITY = 0.8;
/** Files larger than this are not even decoded (a phone photo is 2–12 MB), bytes. */
export const MAX_SOURCE_BYTES = 30 * 1024 * 1024;

/** Width and height scaled down (never up) so the longer edge is at most `maxEdgePx`. */
export function fitWithin(
  widthPx: number,
  heightPx: number,
  maxEdgePx = MAX_EDGE_PX,
): { widthPx: number; heightPx: number } {
  const scale = Math.min(1, maxEdgePx / Math.max(widthPx, heightPx, 1));
  return {
    widthPx: Math.max(1, Math.round(widthPx * scale)),
    heightPx: Math.max(1, Math.round(heightPx * scale)),
  };
}

/** Why a picked file cannot be a proof photo, in Chinese; null when it may be compressed and sent. */
export function photoFileProblem(file: { type: string; size: number }): string | null {
  if (!file.type.startsWith('image/')) return '请选择照片（图片文件）';
  if (file.size > MAX_SOURCE_BYTES) return '照片太大，请重新拍摄';
  return null;
}

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('无法读取这张照片，请重新拍摄'));
    };
    img.src = url;
  });
}

/**
 * The photo redrawn as a JPEG (quality `JPEG_QUALITY`) at most `MAX_EDGE_PX` on its longer edge;
 * rejects with a Chinese message when it cannot be read or is still above `MAX_PHOTO_BYTES`.
 */
export async function compressPhoto(file: Blob): Promise<ArrayBuffer> {
  const img = await loadImage(file);
  const { widthPx, heightPx } = fitWithin(img.naturalWidth, img.naturalHeight);
  const canvas = document.createElement('canvas');
  canvas.width = widthPx;
  canvas.height = heightPx;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('无法处理这张照片，请重新拍摄');
  g.drawImage(img, 0, 0, widthPx, heightPx);
  const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/jpeg', JPEG_QUALITY));
  if (!blob) throw new Error('无法处理这张照片，请重新拍摄');
  if (blob.size > MAX_PHOTO_BYTES) throw new Error('照片不能超过 2 MB，请重新拍摄');
  return blob.arrayBuffer();
}
