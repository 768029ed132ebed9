import type { DataSource, Repository } from 'typeorm';
import type { Role, User } from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import { UserEntity } from './user.entity';

/** The fields that identify and describe a user at login. */
export interface UserUpsert {
  openid: string;
  unionid?: string | null;
  /** The role last signed in as (informational: bound roles live in `user_roles`); absent leaves it. */
  role?: Role;
  nickname?: string;
  storeId?: number | null;
  courierId?: number | null;
}

/** Maps an entity to the wire shape. */
export function toUser(e: UserEntity): User {
  return {
    id: e.id,
    role: e.role,
    nickname: e.nickname,
    avatarUrl: e.avatarUrl,
    storeId: e.storeId,
    courierId: e.courierId,
    createdAt: e.createdAt.toISOString(),
  };
}

/** Creates and finds users; the openid (or unionid) is the identity. */
export class UsersService {
  private readonly repo: Repository<UserEntity>;

  constructor(private readonly deps: { db: DataSource; tx: TxRunner; clock: Clock }) {
    this.repo = deps.db.getRepository(UserEntity);
  }

  /** Finds the user by unionid, then openid, or creates one; refreshes the login time. */
  async upsert(u: UserUpsert): Promise<UserEntity> {
    const now = this.deps.clock.now();
    let found = u.unionid ? await this.repo.findOneBy({ unionid: u.unionid }) : null;
    found ??= await this.repo.findOneBy({ openid: u.openid });
    if (found) {
      const patch: Partial<UserEntity> = { lastLoginAt: now };
      if (u.unionid && !found.unionid) patch.unionid = u.unionid;
      if (u.nickname) patch.nickname = u.nickname;
      if (u.storeId !== undefined) patch.storeId = u.storeId;
      if (u.courierId !== undefined) patch.courierId = u.courierId;
      // A WeChat login names no role: whatever the identity was bound to stays as it is.
      if (u.role) patch.role = u.role;
      const id = found.id;
      // Only the named columns: a whole-row save would write back a token version read before a
      // concurrent disable, bringing the disabled member's old tokens back to life.
      return this.deps.tx.run(async (m) => {
        await m.getRepository(UserEntity).update({ id }, patch);
        return m.getRepository(UserEntity).findOneByOrFail({ id });
      });
    }
    const created = this.repo.create({
      openid: u.openid,
      unionid: u.unionid ?? null,
      role: u.role ?? 'consumer',
      nickname: u.nickname ?? `微信用户${u.openid.slice(-4)}`,
      avatarUrl: null,
      storeId: u.storeId ?? null,
      courierId: u.courierId ?? null,
      createdAt: now,
      lastLoginAt: now,
    });
    try {
      return await this.deps.tx.run((m) => m.getRepository(UserEntity).save(created));
    } catch (err) {
      // Two first logins of one user at once: the unique openid decides, the loser reads.
      const again = await this.repo.findOneBy({ openid: u.openid });
      if (again) return again;
      throw err;
    }
  }

  /** The user with this id, or null. */
  byId(id: number): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }
}
