import type { DataSource, EntityManager } from 'typeorm';
import {
  BACKOFFICE_PASSWORD_MIN_LENGTH,
  type AdminMe,
  type BackofficeRole,
  type BackofficeUser,
} from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import { NotFoundError, ValidationError } from '../../http/errors';
import { StoreEntity } from '../stores/store.entity';
import { AdminUserEntity } from './admin-user.entity';
import { hashPassword } from './password';

/** What `admin:create` (or, later, the console) asks for. */
export interface AdminUserInput {
  username: string;
  password: string;
  role: BackofficeRole;
  storeId?: number | null;
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.@-]{1,63}$/;

/** The wire shape of an account (never the hash or the TOTP secret). */
export function toBackofficeUser(e: AdminUserEntity): BackofficeUser {
  return {
    id: e.id,
    username: e.username,
    role: e.role,
    ...(e.storeId !== null ? { storeId: e.storeId } : {}),
  };
}

/** `GET /admin/me`. */
export function toAdminMe(e: AdminUserEntity): AdminMe {
  return {
    ...toBackofficeUser(e),
    totpEnabled: e.totpEnabled,
    lastLoginAt: e.lastLoginAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * Back-office accounts: create or reset, disable, change role. Every change of access bumps the
 * token version in the same UPDATE, so the account's existing tokens stop working at once.
 */
export class AdminUsersService {
  constructor(private readonly deps: { db: DataSource; tx: TxRunner; clock: Clock }) {}

  /**
   * Creates the account, or resets an existing one (same username in any case): new password,
   * role and store, enabled again, older tokens revoked. 400/404 for bad input.
   */
  async createOrReset(
    input: AdminUserInput,
    /** Runs in the same transaction once the row is written (the audit entry). */
    saved?: (m: EntityManager, user: AdminUserEntity, created: boolean) => Promise<void>,
  ): Promise<{ user: AdminUserEntity; created: boolean }> {
    const username = input.username.trim();
    const storeId = await this.checkInput({ ...input, username });
    const passwordHash = await hashPassword(input.password);
    const key = username.toLowerCase();
    return this.deps.tx.run(async (m) => {
      const repo = m.getRepository(AdminUserEntity);
      const now = this.deps.clock.now();
      const found = await repo.findOneBy({ usernameKey: key });
      if (!found) {
        const user = await repo.save(
          repo.create({
            username,
            usernameKey: key,
            passwordHash,
            role: input.role,
            storeId,
            disabled: false,
            tokenVersion: 0,
            totpSecret: null,
            totpEnabled: false,
            lastLoginAt: null,
            version: 1,
            createdAt: now,
            updatedAt: now,
          }),
        );
        await saved?.(m, user, true);
        return { user, created: true };
      }
      await repo
        .createQueryBuilder()
        .update()
        .set({
          passwordHash,
          role: input.role,
          storeId,
          disabled: false,
          tokenVersion: () => 'token_version + 1',
          version: () => 'version + 1',
          updatedAt: now,
        })
        .where('id = :id', { id: found.id })
        .execute();
      const user = await repo.findOneByOrFail({ id: found.id });
      await saved?.(m, user, false);
      return { user, created: false };
    });
  }

  /** Disables or re-enables an account; either way its tokens are revoked. */
  async setDisabled(id: number, disabled: boolean): Promise<AdminUserEntity> {
    return this.bump(id, { disabled });
  }

  /** Changes an account's role (and store); its tokens are revoked. */
  async setRole(id: number, role: BackofficeRole, storeId: number | null = null): Promise<AdminUserEntity> {
    const checked = await this.checkStore(role, storeId);
    return this.bump(id, { role, storeId: checked });
  }

  /** The account with this id, or 404. */
  async byId(id: number): Promise<AdminUserEntity> {
    const u = await this.deps.db.getRepository(AdminUserEntity).findOneBy({ id });
    if (!u) throw new NotFoundError('ADMIN_USER_NOT_FOUND', '账号不存在');
    return u;
  }

  private async bump(id: number, set: Partial<AdminUserEntity>): Promise<AdminUserEntity> {
    const res = await this.deps.db
      .getRepository(AdminUserEntity)
      .createQueryBuilder()
      .update()
      .set({
        ...set,
        tokenVersion: () => 'token_version + 1',
        version: () => 'version + 1',
        updatedAt: this.deps.clock.now(),
      })
      .where('id = :id', { id })
      .execute();
    if (!res.affected) throw new NotFoundError('ADMIN_USER_NOT_FOUND', '账号不存在');
    return this.byId(id);
  }

  private async checkInput(input: AdminUserInput): Promise<number | null> {
    if (!USERNAME.test(input.username)) {
      throw new ValidationError('用户名须为 2–64 位字母、数字或 _ . @ -', [
        { path: 'username', message: 'letters, digits and _ . @ - only, 2-64 characters' },
      ]);
    }
    if (input.password.length < BACKOFFICE_PASSWORD_MIN_LENGTH) {
      throw new ValidationError(`密码至少 ${BACKOFFICE_PASSWORD_MIN_LENGTH} 位`, [
        { path: 'password', message: `at least ${BACKOFFICE_PASSWORD_MIN_LENGTH} characters` },
      ]);
    }
    return this.checkStore(input.role, input.storeId ?? null);
  }

  /** The store a role needs (none for admin, an existing one for store_manager); 400/404 otherwise. */
  async checkStore(role: BackofficeRole, storeId: number | null): Promise<number | null> {
    if (role === 'admin') {
      if (storeId !== null) {
        throw new ValidationError('管理员不属于某个门店', [
          { path: 'store', message: 'only for store_manager' },
        ]);
      }
      return null;
    }
    if (storeId === null) {
      throw new ValidationError('店长须指定门店', [{ path: 'store', message: 'required for store_manager' }]);
    }
    const store = await this.deps.db.getRepository(StoreEntity).findOneBy({ id: storeId });
    if (!store) throw new NotFoundError('STORE_NOT_FOUND', `门店 ${storeId} 不存在`);
    return store.id;
  }
}
