import { z } from 'zod';

/** Content types `POST /admin/uploads` takes; the bytes must really be of the type they are sent as. */
export const ADMIN_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AdminUploadType = (typeof ADMIN_UPLOAD_TYPES)[number];

/** Largest image `POST /admin/uploads` takes, in bytes (2 MB). */
export const ADMIN_UPLOAD_MAX_BYTES = 2 * 1024 * 1024;

/** Longest side of a stored product image, in pixels (larger images are scaled down, never up). */
export const ADMIN_UPLOAD_MAX_EDGE_PX = 1200;

/**
 * `POST /admin/uploads` answer (201): the stored image, re-encoded without metadata in its own
 * format. `url` is a path on the BFF (`/assets/uploads/products/<hash>.<ext>`) to put in a
 * product's `images`; the same image uploaded twice gets the same url.
 */
export const AdminUploadResponse = z.object({
  url: z.string(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  /** Size of the stored file, in bytes. */
  bytes: z.number().int().min(1),
  contentType: z.enum(ADMIN_UPLOAD_TYPES),
});
export type AdminUploadResponse = z.infer<typeof AdminUploadResponse>;
