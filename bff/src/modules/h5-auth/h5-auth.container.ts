import type { DataSource } from 'typeorm';
import type { RedisConnection } from '../../adapters/redis';
import type { SmsProvider } from '../../adapters/sms/sms-provider';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import type { Logger } from '../../logger';
import type { AuthService } from '../auth/auth.service';
import { H5AuthService, type WechatWebSettings } from './h5-auth.service';
import { H5Identities } from './h5-identities';
import { OAuthStates } from './oauth-state';
import { SmsCodes } from './sms-codes';
import { SmsLimits, type SmsLimitSettings } from './sms-limits';

/** Wires the H5 logins from adapters the container built (null: that login is not offered). */
export function createH5Auth(deps: {
  db: DataSource;
  tx: TxRunner;
  auth: AuthService;
  redis: RedisConnection | null;
  clock: Clock;
  log: Logger;
  jwtSecret: string;
  allowDevLogin: boolean;
  wechatWeb: WechatWebSettings | null;
  sms: { provider: SmsProvider; signName: string; limits: SmsLimitSettings } | null;
}): H5AuthService {
  const { db, tx, clock, log } = deps;
  const sms = deps.sms
    ? new SmsCodes({
        db,
        tx,
        clock,
        log,
        provider: deps.sms.provider,
        signName: deps.sms.signName,
        limits: new SmsLimits({ redis: deps.redis?.pub ?? null }, deps.sms.limits),
        secret: deps.jwtSecret,
      })
    : null;
  return new H5AuthService({
    auth: deps.auth,
    identities: new H5Identities({ db, tx, clock }),
    states: new OAuthStates(deps.jwtSecret),
    wechatWeb: deps.wechatWeb,
    sms,
    allowDevLogin: deps.allowDevLogin,
    clock,
  });
}
