import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import { ConflictError } from '../../http/errors';
import { UserEntity } from '../users/user.entity';

/**
 * `users.openid` is the mini-program's openid and may not be null: a person first seen on H5 gets
 * this placeholder until (if ever) they are matched by unionid in the mini-program.
 */
function placeholderOpenid(): string {
  return `h5:${randomBytes(12).toString('hex')}`;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}

/**
 * Finds or creates the customer behind an H5 login: by unionid (the same person as in the
 * mini-program), by official-account openid, or by verified phone; unique keys settle races.
 */
export class H5Identities {
  constructor(private readonly deps: { db: DataSource; tx: TxRunner; clock: Clock }) {}

  /** The user of an official-account login; links the oa openid / unionid to what it finds. */
  async byWechatWeb(oaOpenid: string, unionid: string | null): Promise<UserEntity> {
    const repo = this.deps.db.getRepository(UserEntity);
    const found =
      (unionid ? await repo.findOneBy({ unionid }) : null) ?? (await repo.findOneBy({ oaOpenid }));
    if (found) {
      const patch: Partial<UserEntity> = {};
      // An older H5-only account may hold this oa openid already: the unionid match wins, that
      // account keeps its openid (merging accounts is not done here).
      if (!found.oaOpenid && !(await repo.findOneBy({ oaOpenid }))) patch.oaOpenid = oaOpenid;
      if (unionid && !found.unionid) patch.unionid = unionid;
      return this.touch(found.id, patch);
    }
    return this.create({ oaOpenid, unionid, nickname: `微信用户${oaOpenid.slice(-4)}` }, { oaOpenid });
  }

  /** The user who verified `phone` (created on the first SMS login). */
  async byPhone(phone: string): Promise<UserEntity> {
    const found = await this.deps.db.getRepository(UserEntity).findOneBy({ phone });
    if (found) return this.touch(found.id, {});
    return this.create({ phone, nickname: `手机用户${phone.slice(-4)}` }, { phone });
  }

  /** Gives `userId` the verified `phone`; 409 PHONE_TAKEN when another account holds it. */
  async attachPhone(userId: number, phone: string): Promise<UserEntity> {
    const holder = await this.deps.db.getRepository(UserEntity).findOneBy({ phone });
    if (holder && holder.id !== userId) throw phoneTaken();
    try {
      return await this.deps.tx.run(async (m) => {
        await m.getRepository(UserEntity).update({ id: userId }, { phone });
        return m.getRepository(UserEntity).findOneByOrFail({ id: userId });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw phoneTaken();
      throw err;
    }
  }

  private touch(id: number, patch: Partial<UserEntity>): Promise<UserEntity> {
    // Only the named columns: a whole-row save could write back a stale token version.
    return this.deps.tx.run(async (m: EntityManager) => {
      await m.getRepository(UserEntity).update({ id }, { ...patch, lastLoginAt: this.deps.clock.now() });
      return m.getRepository(UserEntity).findOneByOrFail({ id });
    });
  }

  private async create(
    u: { oaOpenid?: string; unionid?: string | null; phone?: string; nickname: string },
    key: { oaOpenid: string } | { phone: string },
  ): Promise<UserEntity> {
    const now = this.deps.clock.now();
    try {
      return await this.deps.tx.run((m) =>
        m.getRepository(UserEntity).save(
          m.getRepository(UserEntity).create({
            openid: placeholderOpenid(),
            unionid: u.unionid ?? null,
            oaOpenid: u.oaOpenid ?? null,
            phone: u.phone ?? null,
            role: 'consumer',
            nickname: u.nickname,
            avatarUrl: null,
            storeId: null,
            courierId: null,
            createdAt: now,
            lastLoginAt: now,
          }),
        ),
      );
    } catch (err) {
      // Two first logins of one person at once: the unique key decides, the loser reads.
      const again = isUniqueViolation(err)
        ? await this.deps.db.getRepository(UserEntity).findOneBy(key)
        : null;
      if (again) return again;
      throw err;
    }
  }
}

function phoneTaken(): ConflictError {
  return new ConflictError('PHONE_TAKEN', '该手机号已绑定其他账号');
}
