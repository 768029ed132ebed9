import type { DataSource } from 'typeorm';
import { BACKOFFICE_AUTH_MESSAGES } from '@omni/shared-types';
import type { TokenVersionCheck } from '../../http/auth';
import type { Principal } from '../../http/context';
import { UnauthenticatedError } from '../../http/errors';
import { UserEntity } from '../users/user.entity';
import { AdminUserEntity } from './admin-user.entity';

const revoked = () => new UnauthenticatedError('TOKEN_REVOKED', BACKOFFICE_AUTH_MESSAGES.TOKEN_REVOKED);

/**
 * The database's word on a token, read by primary key on every authenticated request (no cache,
 * so a disable or password change bites on the very next request, on every instance).
 */
export class TokenVersions implements TokenVersionCheck {
  constructor(private readonly deps: { db: DataSource }) {}

  async assertCurrent(p: Principal): Promise<void> {
    const tv = p.tokenVersion ?? 0;
    if (p.kind === 'backoffice') {
      const row = await this.deps.db.getRepository(AdminUserEntity).findOne({
        where: { id: p.userId },
        select: { id: true, tokenVersion: true, disabled: true, role: true },
      });
      if (!row || row.disabled || row.tokenVersion !== tv || row.role !== p.role) throw revoked();
      return;
    }
    const row = await this.deps.db
      .getRepository(UserEntity)
      .findOne({ where: { id: p.userId }, select: { id: true, tokenVersion: true } });
    if (!row || row.tokenVersion !== tv) throw revoked();
  }
}
