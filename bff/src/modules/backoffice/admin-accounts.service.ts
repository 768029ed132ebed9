import { Like, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type {
  AdminAccount,
  AdminAccountCreate,
  AdminAccountList,
  AdminAccountPatch,
  AdminAccountQuery,
  AdminLoginResponse,
  OwnPasswordChange,
} from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import type { TokenService } from '../../http/auth';
import type { Principal } from '../../http/context';
import { ConflictError, NotFoundError, ValidationError } from '../../http/errors';
import type { AuditActor, AuditService } from '../audit/audit.service';
import { updateVersioned } from '../audit/versioned';
import { AdminUserEntity } from './admin-user.entity';
import { toAdminMe, toBackofficeUser, type AdminUsersService } from './admin-users.service';
import { hashPassword, verifyPassword } from './password';

const notFound = () => new NotFoundError('ADMIN_USER_NOT_FOUND', '账号不存在');

/** The list shape of an account: no hash, no TOTP secret. */
export function toAdminAccount(e: AdminUserEntity): AdminAccount {
  return { ...toAdminMe(e), disabled: e.disabled, version: e.version };
}

/** What the audit log keeps of an account (access, never secrets). */
const audited = (e: AdminUserEntity) => ({
  username: e.username,
  role: e.role,
  storeId: e.storeId,
  disabled: e.disabled,
  totpEnabled: e.totpEnabled,
});

/**
 * Admins managing back-office accounts: list, create, change role/store, disable, reset a
 * password; and every account changing its own password. Each change of access bumps the token
 * version (the account's tokens die on their next request) and is audited in its transaction.
 * The last enabled admin cannot be disabled or demoted, and nobody disables themselves.
 */
export class AdminAccountsService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      clock: Clock;
      users: AdminUsersService;
      audit: AuditService;
      tokens: TokenService;
    },
  ) {}

  async list(q: AdminAccountQuery): Promise<AdminAccountList> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const where: FindOptionsWhere<AdminUserEntity> = {};
    if (q.role) where.role = q.role;
    if (q.q) where.usernameKey = Like(`%${q.q.toLowerCase().replace(/[%_]/g, '')}%`);
    const [rows, total] = await this.deps.db.getRepository(AdminUserEntity).findAndCount({
      where,
      order: { id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toAdminAccount), total, page, pageSize };
  }

  async get(id: number): Promise<AdminAccount> {
    return toAdminAccount(await this.deps.users.byId(id));
  }

  /** A new account; an existing username (any case) → 409 USERNAME_TAKEN (admin:create resets instead). */
  async create(actor: AuditActor, input: AdminAccountCreate): Promise<AdminAccount> {
    const key = input.username.trim().toLowerCase();
    if (await this.deps.db.getRepository(AdminUserEntity).existsBy({ usernameKey: key })) {
      throw new ConflictError('USERNAME_TAKEN', `用户名 ${input.username} 已存在`);
    }
    const { user } = await this.deps.users.createOrReset(
      { ...input, storeId: input.storeId ?? null },
      async (m, saved, created) => {
        // Someone took the name between the check and the write: refuse rather than reset theirs.
        if (!created) throw new ConflictError('USERNAME_TAKEN', `用户名 ${input.username} 已存在`);
        await this.deps.audit.record(m, actor, {
          action: 'create',
          entity: 'admin_user',
          entityId: saved.id,
          after: audited(saved),
        });
      },
    );
    return toAdminAccount(user);
  }

  /** Role, store or disabled, with the version the caller read. */
  async update(actor: AuditActor, id: number, patch: AdminAccountPatch): Promise<AdminAccount> {
    const current = await this.deps.users.byId(id);
    const role = patch.role ?? current.role;
    const storeId = patch.storeId !== undefined ? patch.storeId : role === 'admin' ? null : current.storeId;
    const checkedStore = await this.deps.users.checkStore(role, role === 'admin' ? null : storeId);
    const disabled = patch.disabled ?? current.disabled;
    if (actor.principal.kind === 'backoffice' && actor.principal.userId === id && disabled) {
      throw new ConflictError('LAST_ADMIN', '不能停用自己的账号');
    }
    return this.deps.tx.run(async (m) => {
      if (current.role === 'admin' && !current.disabled && (role !== 'admin' || disabled)) {
        await this.assertAnotherAdmin(m, id);
      }
      const { before, after } = await updateVersioned(
        m,
        AdminUserEntity,
        id,
        patch.version,
        {
          role,
          storeId: checkedStore,
          disabled,
          tokenVersion: () => 'token_version + 1',
          updatedAt: this.deps.clock.now(),
        } as never,
        { notFound, current: toAdminAccount },
      );
      await this.deps.audit.record(m, actor, {
        action: disabled !== before.disabled ? (disabled ? 'disable' : 'enable') : 'update',
        entity: 'admin_user',
        entityId: id,
        before: audited(before),
        after: audited(after),
      });
      return toAdminAccount(after);
    });
  }

  /** An admin sets a new password for an account; its tokens die. */
  async resetPassword(actor: AuditActor, id: number, password: string): Promise<AdminAccount> {
    const passwordHash = await hashPassword(password);
    return this.deps.tx.run(async (m) => {
      const after = await this.setPassword(m, id, passwordHash);
      await this.deps.audit.record(m, actor, {
        action: 'reset_password',
        entity: 'admin_user',
        entityId: id,
      });
      return toAdminAccount(after);
    });
  }

  /** The signed-in account changes its own password; older tokens die, a fresh one is answered. */
  async changeOwnPassword(actor: AuditActor, body: OwnPasswordChange): Promise<AdminLoginResponse> {
    const p: Principal = actor.principal;
    const user = await this.deps.users.byId(p.userId);
    if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
      throw new ValidationError(
        '当前密码错误',
        [{ path: 'currentPassword', message: 'wrong' }],
        'PASSWORD_WRONG',
      );
    }
    const passwordHash = await hashPassword(body.newPassword);
    const after = await this.deps.tx.run(async (m) => {
      const updated = await this.setPassword(m, user.id, passwordHash);
      await this.deps.audit.record(m, actor, {
        action: 'change_password',
        entity: 'admin_user',
        entityId: user.id,
      });
      return updated;
    });
    const { token, expiresAt } = this.deps.tokens.sign({
      userId: after.id,
      role: after.role,
      storeId: after.storeId,
      courierId: null,
      kind: 'backoffice',
      tokenVersion: after.tokenVersion,
    });
    return { token, expiresAt: expiresAt.toISOString(), user: toBackofficeUser(after) };
  }

  private async setPassword(m: EntityManager, id: number, passwordHash: string): Promise<AdminUserEntity> {
    const res = await m
      .createQueryBuilder()
      .update(AdminUserEntity)
      .set({
        passwordHash,
        tokenVersion: () => 'token_version + 1',
        version: () => 'version + 1',
        updatedAt: this.deps.clock.now(),
      })
      .where('id = :id', { id })
      .execute();
    if (!res.affected) throw notFound();
    return m.getRepository(AdminUserEntity).findOneByOrFail({ id });
  }

  private async assertAnotherAdmin(m: EntityManager, exceptId: number): Promise<void> {
    const others = await m
      .getRepository(AdminUserEntity)
      .createQueryBuilder('u')
      .where('u.role = :role AND u.disabled = :d AND u.id <> :id', { role: 'admin', d: false, id: exceptId })
      .getCount();
    if (others === 0) throw new ConflictError('LAST_ADMIN', '至少需要保留一个启用的管理员账号');
  }
}
