import type { DataSource } from 'typeorm';
import type { DevLoginBody, LoginResponse, WechatLoginBody } from '@omni/shared-types';
import type { WechatAuth } from '../../adapters/wechat/wechat-auth';
import type { TokenService } from '../../http/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '../../http/errors';
import type { Logger } from '../../logger';
import { CourierEntity, StoreEntity } from '../stores/store.entity';
import { toUser, type UsersService } from '../users/users.service';
import type { UserEntity } from '../users/user.entity';

/** Logs people in: WeChat code exchange for consumers, dev tokens for demo and tests. */
export class AuthService {
  constructor(
    private readonly deps: {
      db: DataSource;
      users: UsersService;
      wechat: WechatAuth;
      tokens: TokenService;
      allowDevLogin: boolean;
      log: Logger;
    },
  ) {}

  /** `wx.login` code → openid → user → token. */
  async wechatLogin(body: WechatLoginBody): Promise<LoginResponse> {
    const session = await this.deps.wechat.code2session(body.code);
    const user = await this.deps.users.upsert({
      openid: session.openid,
      unionid: session.unionid,
      role: 'consumer',
      nickname: body.nickname,
    });
    return this.issue(user);
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
    return this.issue(user);
  }

  private issue(user: UserEntity): LoginResponse {
    const { token, expiresAt } = this.deps.tokens.sign({
      userId: user.id,
      role: user.role,
      storeId: user.storeId,
      courierId: user.courierId,
      kind: 'wechat',
      tokenVersion: user.tokenVersion ?? 0,
    });
    return { token, expiresAt: expiresAt.toISOString(), user: toUser(user) };
  }
}
