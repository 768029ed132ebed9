import type { DataSource } from 'typeorm';
import { BACKOFFICE_AUTH_MESSAGES } from '@omni/shared-types';
import type { TokenVersionCheck } from '../../http/auth';
import type { Principal } from '../../http/context';
import { UnauthenticatedError } from '../../http/errors';
import { UserRoleEntity } from './member.entity';

/**
 * The token check of WeChat members: first the identity's token version (`inner`), then that the
 * token's role is still bound to the identity for the same store and courier and not disabled, so
 * a disabled courier's token is refused even while the identity's other roles carry on. One more
 * lookup by unique key per request, and only for staff-side roles (consumers hold their role always).
 */
export class MemberTokenCheck implements TokenVersionCheck {
  constructor(private readonly deps: { db: DataSource; inner: TokenVersionCheck }) {}

  async assertCurrent(p: Principal): Promise<void> {
    await this.deps.inner.assertCurrent(p);
    if (p.kind === 'backoffice' || p.role === 'consumer') return;
    const row = await this.deps.db.getRepository(UserRoleEntity).findOne({
      where: { userId: p.userId, role: p.role },
      select: { id: true, storeId: true, courierId: true, disabled: true },
    });
    if (!row || row.disabled || row.storeId !== p.storeId || row.courierId !== p.courierId) {
      throw new UnauthenticatedError('TOKEN_REVOKED', BACKOFFICE_AUTH_MESSAGES.TOKEN_REVOKED);
    }
  }
}
