import type { DataSource } from 'typeorm';
import type {
  BoundRole,
  DevLoginBody,
  LoginResponse,
  RoleLoginResponse,
  WechatRoleLoginBody,
} from '@omni/shared-types';
import type { WechatAuth } from '../../adapters/wechat/wechat-auth';
import type { TokenService } from '../../http/auth';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../../http/errors';
import type { Logger } from '../../logger';
import { CourierEntity, StoreEntity } from '../stores/store.entity';
import { toUser, type UsersService } from '../users/users.service';
import type { UserEntity } from '../users/user.entity';
import { memberDisabled, type MembersService } from '../members/members.service';

/** The role, store and courier a token is issued for. */
type TokenRole = Pick<BoundRole, 'role' | 'storeId' | 'courierId'>;
const CONSUMER: TokenRole = { role: 'consumer', storeId: null, courierId: null };

/** Logs people in: WeChat code exchange for consumers, dev tokens for demo and tests. */
export class AuthService {
  constructor(
    private readonly deps: {
      db: DataSource;
      users: UsersService;
      members: MembersService;
      wechat: WechatAuth;
      tokens: TokenService;
      allowDevLogin: boolean;
      log: Logger;
    },
  ) {}

  /**
   * `wx.login` code → openid → user → a token for `role`: consumer by default, otherwise one of
   * the roles bound to the identity (403 ROLE_NOT_BOUND, 403 MEMBER_DISABLED). Never changes
   * which roles the identity holds. The answer lists them all, for the mini-program's role switch.
   */
  async wechatLogin(body: WechatRoleLoginBody): Promise<RoleLoginResponse> {
    const user = await this.identify(body.code, body.nickname);
    return this.issueFor(user, body.role ?? 'consumer');
  }

  /** The identity behind a `wx.login` code (created on its first login; its roles untouched). */
  async identify(wxCode: string, nickname?: string): Promise<UserEntity> {
    const session = await this.deps.wechat.code2session(wxCode);
    return this.deps.users.upsert({ openid: session.openid, unionid: session.unionid, nickname });
  }

  /** A token for `user` acting as `role`, which must be bound and enabled (consumer always is). */
  async issueFor(user: UserEntity, role: BoundRole['role']): Promise<RoleLoginResponse> {
    const roles = await this.deps.members.rolesOf(user.id);
    let as: TokenRole = CONSUMER;
    if (role !== 'consumer') {
      const bound = roles.find((r) => r.role === role);
      if (!bound) throw new AppError(403, 'ROLE_NOT_BOUND', '该微信账号未绑定此身份');
      if (bound.disabled) throw memberDisabled();
      as = bound;
    }
    return { ...this.issue(user, as), roles };
  }

  /** A token for any role, scoped to a real store or courier; only when dev login is allowed. */
  async devLogin(body: DevLoginBody): Promise<LoginResponse> {
    if (!this.deps.allowDevLogin) throw new ForbiddenError('开发登录未启用', 'DEV_LOGIN_DISABLED');
    let storeId: number | null = null;
    let courierId: number | null = null;
    let nickname = body.nickname;
    if (body.role === 'staff' || body.role === 'store_manager') {
      if (!body.storeId) {
        throw new ValidationError('店员登录需要 storeId', [
          { path: 'storeId', message: `required for ${body.role}` },
        ]);
      }
      const store = await this.deps.db.getRepository(StoreEntity).findOneBy({ id: body.storeId });
      if (!store) throw new NotFoundError('STORE_NOT_FOUND', '门店不存在');
      storeId = store.id;
      nickname ??= `${store.name}${body.role === 'staff' ? '店员' : '店长'}`;
    } else if (body.role === 'courier') {
      if (!body.courierId) {
        throw new ValidationError('骑手登录需要 courierId', [
          { path: 'courierId', message: 'required for courier' },
        ]);
      }
      const courier = await this.deps.db.getRepository(CourierEntity).findOneBy({ id: body.courierId });
      if (!courier) throw new NotFoundError('COURIER_NOT_FOUND', '骑手不存在');
      courierId = courier.id;
      storeId = courier.storeId;
      nickname ??= courier.name;
    } else if (body.storeId || body.courierId) {
      throw new ValidationError('该角色不接受 storeId/courierId', [
        { path: body.storeId ? 'storeId' : 'courierId', message: `not allowed for ${body.role}` },
      ]);
    }
    const openid =
      body.openid ??
      (body.role === 'staff' || body.role === 'store_manager'
        ? `dev-${body.role}-${storeId}`
        : body.role === 'courier'
          ? `dev-courier-${courierId}`
          : `dev-${body.role}`);
    const user = await this.deps.users.upsert({ openid, role: body.role, nickname, storeId, courierId });
    // The dev login binds what it signs in as, so the token check (which wants a bound role) accepts it.
    if (body.role !== 'consumer') {
      await this.deps.members.ensureDevBinding({
        userId: user.id,
        role: body.role,
        storeId,
        courierId,
        displayName: user.nickname,
      });
    }
    return this.issue(user, { role: body.role, storeId, courierId });
  }

  private issue(user: UserEntity, as: TokenRole): LoginResponse {
    const { token, expiresAt } = this.deps.tokens.sign({
      userId: user.id,
      role: as.role,
      storeId: as.storeId,
      courierId: as.courierId,
      kind: 'wechat',
      tokenVersion: user.tokenVersion ?? 0,
    });
    const shown = { ...toUser(user), role: as.role, storeId: as.storeId, courierId: as.courierId };
    return { token, expiresAt: expiresAt.toISOString(), user: shown };
  }
}
