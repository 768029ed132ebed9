import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { SmsSendResponse } from '@omni/shared-types';
import type { SmsProvider } from '../../adapters/sms/sms-provider';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import { AppError } from '../../http/errors';
import type { Logger } from '../../logger';
import { SmsCodeEntity } from './sms-code.entity';
import type { SmsLimits } from './sms-limits';

/** Seconds a code stays valid. */
export const SMS_CODE_TTL_S = 300;
/** Wrong codes after which a code is dead. */
export const SMS_CODE_MAX_ATTEMPTS = 5;

const expired = () => new AppError(400, 'SMS_CODE_EXPIRED', '验证码已过期或已使用，请重新获取');
const locked = () => new AppError(400, 'SMS_CODE_LOCKED', '错误次数过多，验证码已失效，请重新获取');

/**
 * Sends 6-digit login codes and checks them. Only an HMAC of phone and code (keyed from the JWT
 * secret) is stored; a phone's latest code is the only one that counts; it lives 5 minutes and
 * dies after 5 wrong tries or one right one. The database decides races (conditional UPDATEs).
 */
export class SmsCodes {
  private readonly key: Buffer;

  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      provider: SmsProvider;
      limits: SmsLimits;
      clock: Clock;
      log: Logger;
      secret: string;
      signName: string;
    },
  ) {
    this.key = createHmac('sha256', deps.secret).update('omni:sms-code:v1').digest();
  }

  /** Sends a fresh code to `phone` (429 SMS_RATE_LIMITED, 503 SMS_UNAVAILABLE: nothing stored then). */
  async send(phone: string, ip: string): Promise<SmsSendResponse> {
    await this.deps.limits.take(phone, ip);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const text = `【${this.deps.signName}】您的验证码是${code}，${SMS_CODE_TTL_S / 60}分钟内有效。如非本人操作，请忽略本短信。`;
    try {
      await this.deps.provider.send(phone, text);
    } catch (err) {
      await this.deps.limits.sendFailed(phone);
      this.deps.log.warn({ err, phoneTail: phone.slice(-4) }, 'SMS send failed');
      throw err;
    }
    const now = this.deps.clock.now();
    await this.deps.tx.run((m) =>
      m.getRepository(SmsCodeEntity).insert({
        phone,
        codeHash: this.hash(phone, code),
        attempts: 0,
        ip: ip.slice(0, 64),
        createdAt: now,
        expiresAt: new Date(now.getTime() + SMS_CODE_TTL_S * 1000),
        usedAt: null,
      }),
    );
    return { expiresInS: SMS_CODE_TTL_S, resendAfterS: this.deps.limits.settings.resendAfterS };
  }

  /**
   * Spends `phone`'s latest code if `code` is it; otherwise counts a wrong try and throws 400
   * SMS_CODE_INVALID (details.attemptsLeft), SMS_CODE_EXPIRED, or SMS_CODE_LOCKED (the 5th wrong
   * try and every try after it).
   */
  async consume(phone: string, code: string): Promise<void> {
    const row = await this.deps.db
      .getRepository(SmsCodeEntity)
      .findOne({ where: { phone }, order: { id: 'DESC' } });
    const now = this.deps.clock.now();
    if (!row || row.usedAt) throw expired();
    if (row.attempts >= SMS_CODE_MAX_ATTEMPTS) throw locked();
    if (row.expiresAt.getTime() <= now.getTime()) throw expired();
    const right = timingSafeEqual(
      Buffer.from(row.codeHash, 'hex'),
      Buffer.from(this.hash(phone, code), 'hex'),
    );
    const qb = (m: EntityManager) =>
      m.createQueryBuilder().update(SmsCodeEntity).where('id = :id AND used_at IS NULL AND attempts < :max', {
        id: row.id,
        max: SMS_CODE_MAX_ATTEMPTS,
      });
    if (right) {
      const res = await this.deps.tx.run((m) => qb(m).set({ usedAt: now }).execute());
      if (res.affected !== 1) throw expired(); // spent by a concurrent request
      return;
    }
    const res = await this.deps.tx.run((m) =>
      qb(m)
        .set({ attempts: () => 'attempts + 1' })
        .execute(),
    );
    const left = SMS_CODE_MAX_ATTEMPTS - (row.attempts + 1);
    // The try that uses up the last attempt is answered as the lock it causes.
    if (res.affected !== 1 || left <= 0) throw locked();
    throw new AppError(400, 'SMS_CODE_INVALID', `验证码错误，还可尝试${left}次`, { attemptsLeft: left });
  }

  private hash(phone: string, code: string): string {
    return createHmac('sha256', this.key).update(`${phone}:${code}`).digest('hex');
  }
}
