import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import type { RedisConnection } from '../../adapters/redis';
import type { TokenService } from '../../http/auth';
import type { Logger } from '../../logger';
import { AdminUsersService } from './admin-users.service';
import { AdminAccountsService } from './admin-accounts.service';
import type { AuditService } from '../audit/audit.service';
import { BackofficeAuthService } from './backoffice-auth.service';
import { CaptchaService, type CaptchaMaker } from './captcha';
import { LoginGuard } from './login-guard';
import { SecretBox } from './secret-box';

/** The back-office services, wired (the container calls this once). */
export function createBackoffice(deps: {
  db: DataSource;
  tx: TxRunner;
  tokens: TokenService;
  redis: RedisConnection | null;
  jwtSecret: string;
  clock: Clock;
  log: Logger;
  captcha?: CaptchaMaker;
  audit: AuditService;
}): {
  adminUsers: AdminUsersService;
  backofficeAuth: BackofficeAuthService;
  adminAccounts: AdminAccountsService;
} {
  const adminUsers = new AdminUsersService({ db: deps.db, tx: deps.tx, clock: deps.clock });
  const redis = deps.redis?.pub ?? null;
  const backofficeAuth = new BackofficeAuthService({
    db: deps.db,
    users: adminUsers,
    tokens: deps.tokens,
    guard: new LoginGuard({ redis }),
    captchas: new CaptchaService({ redis, make: deps.captcha }),
    box: new SecretBox(deps.jwtSecret),
    clock: deps.clock,
    log: deps.log,
  });
  const adminAccounts = new AdminAccountsService({
    db: deps.db,
    tx: deps.tx,
    clock: deps.clock,
    users: adminUsers,
    audit: deps.audit,
    tokens: deps.tokens,
  });
  return { adminUsers, backofficeAuth, adminAccounts };
}
