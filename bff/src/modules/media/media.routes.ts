import Router from '@koa/router';
import { ADMIN_UPLOAD_MAX_BYTES } from '@omni/shared-types';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { readRawBody } from '../../http/raw-body';
import { auditActor } from '../audit/audit.service';
import { imageTooLarge, unsupportedImage, uploadTypeOf, type MediaService } from './media.service';

/** Who may upload images (product images: admins, like the product admin API). */
export const mediaPermissions: Permission[] = [{ method: 'POST', path: '/admin/uploads', roles: ['admin'] }];

/** `POST /admin/uploads`: raw image bytes in, `{url, width, height, bytes, contentType}` out (201). */
export function mediaRoutes(media: MediaService): Router<AppState> {
  const r = new Router<AppState>();
  r.post('/admin/uploads', async (ctx) => {
    const type = uploadTypeOf(ctx.get('Content-Type'));
    if (!type) {
      ctx.req.resume();
      throw unsupportedImage();
    }
    const bytes = await readRawBody(ctx, ADMIN_UPLOAD_MAX_BYTES, imageTooLarge);
    ctx.status = 201;
    ctx.body = await media.uploadProductImage(auditActor(ctx.state), type, bytes);
  });
  return r;
}
