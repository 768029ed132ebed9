import type { DataSource } from 'typeorm';
import { authenticator } from 'otplib';
import { toDataURL } from 'qrcode';
import {
  BACKOFFICE_AUTH_MESSAGES as MSG,
  type AdminLoginBody,
  type AdminLoginResponse,
  type AdminMe,
  type CaptchaResponse,
  type LoginLogQuery,
  type LoginLogResponse,
  type LoginOutcome,
  type TotpEnrollResponse,
  type TotpVerifyResponse,
} from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { TokenService } from '../../http/auth';
import type { Principal } from '../../http/context';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  RateLimitedError,
  UnauthenticatedError,
} from '../../http/errors';
import type { Logger } from '../../logger';
import { AdminLoginEntity, AdminUserEntity } from './admin-user.entity';
import { toAdminMe, toBackofficeUser, type AdminUsersService } from './admin-users.service';
import type { CaptchaService } from './captcha';
import type { LoginGuard } from './login-guard';
import { dummyPasswordHash, verifyPassword } from './password';
import type { SecretBox } from './secret-box';

/** Where a login attempt came from, for the log and the per-IP limit. */
export interface LoginMeta {
  ip: string;
  userAgent: string;
}

/** Issuer shown in authenticator apps. */
const TOTP_ISSUER = '品牌小程序后台';
/** One 30-second step either side of now, for clocks that drift. */
const TOTP_WINDOW_STEPS = 1;

/**
 * Back-office logins: argon2id passwords, lockout and captcha through LoginGuard/CaptchaService,
 * optional TOTP, a log of every attempt, and tokens that carry the account's token version.
 */
export class BackofficeAuthService {
  constructor(
    private readonly deps: {
      db: DataSource;
      users: AdminUsersService;
      tokens: TokenService;
      guard: LoginGuard;
      captchas: CaptchaService;
      box: SecretBox;
      clock: Clock;
      log: Logger;
    },
  ) {}

  /**
   * Checks, in order: lock (429 LOGIN_LOCKED), captcha once required, password (unknown user and
   * wrong password alike: 401 INVALID_CREDENTIALS), disabled (403 ACCOUNT_DISABLED, only after a
   * correct password), TOTP when enabled. Wrong passwords and wrong TOTP codes count as failures.
   */
  async login(body: AdminLoginBody, meta: LoginMeta): Promise<AdminLoginResponse> {
    const key = body.username.trim().toLowerCase();
    const { guard } = this.deps;
    const user = await this.deps.db.getRepository(AdminUserEntity).findOneBy({ usernameKey: key });
    const gate = await guard.gate(key, meta.ip);
    if (gate.lockedForS !== null) {
      await this.record(key, user?.id ?? null, 'locked', meta);
      throw new RateLimitedError('LOGIN_LOCKED', MSG.LOGIN_LOCKED, gate.lockedForS);
    }
    if (gate.captchaRequired) {
      if (!body.captchaId || !body.captcha) {
        await this.record(key, user?.id ?? null, 'captcha_required', meta);
        throw new AppError(401, 'CAPTCHA_REQUIRED', MSG.CAPTCHA_REQUIRED, { captchaRequired: true });
      }
      if (!(await this.deps.captchas.check(body.captchaId, body.captcha))) {
        await this.record(key, user?.id ?? null, 'captcha_invalid', meta);
        throw new AppError(401, 'CAPTCHA_INVALID', MSG.CAPTCHA_INVALID, { captchaRequired: true });
      }
    }
    // Unknown users are checked against a dummy hash, so both answers take about as long.
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), body.password);
    if (!user || !passwordOk) {
      const next = await guard.failed(key, meta.ip);
      await this.record(key, user?.id ?? null, 'invalid_credentials', meta);
      throw new AppError(401, 'INVALID_CREDENTIALS', MSG.INVALID_CREDENTIALS, next);
    }
    if (user.disabled) {
      await this.record(key, user.id, 'disabled', meta);
      throw new ForbiddenError(MSG.ACCOUNT_DISABLED, 'ACCOUNT_DISABLED');
    }
    if (user.totpEnabled && user.totpSecret) {
      if (!body.totp) {
        await this.record(key, user.id, 'totp_required', meta);
        throw new UnauthenticatedError('TOTP_REQUIRED', MSG.TOTP_REQUIRED);
      }
      if (!(await this.totpMatches(user.totpSecret, body.totp))) {
        const next = await guard.failed(key, meta.ip);
        await this.record(key, user.id, 'totp_invalid', meta);
        throw new AppError(401, 'TOTP_INVALID', MSG.TOTP_INVALID, next);
      }
    }
    await guard.succeeded(key);
    const now = this.deps.clock.now();
    await this.deps.db.getRepository(AdminUserEntity).update({ id: user.id }, { lastLoginAt: now });
    await this.record(key, user.id, 'success', meta);
    const { token, expiresAt } = this.deps.tokens.sign({
      kind: 'backoffice',
      userId: user.id,
      role: user.role,
      storeId: user.storeId,
      courierId: null,
      tokenVersion: user.tokenVersion,
    });
    return { token, expiresAt: expiresAt.toISOString(), user: toBackofficeUser(user) };
  }

  /** A captcha for the next login attempt. */
  captcha(): Promise<CaptchaResponse> {
    return this.deps.captchas.issue();
  }

  /** The caller's own account. */
  async me(p: Principal): Promise<AdminMe> {
    return toAdminMe(await this.deps.users.byId(p.userId));
  }

  /** A new TOTP secret for the caller (not yet in force: `verifyTotp` turns it on). 409 when already on. */
  async enrollTotp(p: Principal): Promise<TotpEnrollResponse> {
    const user = await this.deps.users.byId(p.userId);
    if (user.totpEnabled) throw new ConflictError('INVALID_STATE', '动态验证码已启用');
    const secret = authenticator.generateSecret();
    await this.deps.db
      .getRepository(AdminUserEntity)
      .update({ id: user.id }, { totpSecret: this.deps.box.seal(secret), updatedAt: this.deps.clock.now() });
    const otpauthUrl = authenticator.keyuri(user.username, TOTP_ISSUER, secret);
    return { secret, otpauthUrl, qrDataUrl: await toDataURL(otpauthUrl) };
  }

  /** Turns TOTP on with a first code from the app; 409 TOTP_NOT_ENROLLED, 400 TOTP_INVALID. */
  async verifyTotpCode(p: Principal, code: string): Promise<TotpVerifyResponse> {
    const user = await this.deps.users.byId(p.userId);
    if (!user.totpSecret) throw new ConflictError('TOTP_NOT_ENROLLED', MSG.TOTP_NOT_ENROLLED);
    if (!(await this.totpMatches(user.totpSecret, code))) {
      throw new AppError(400, 'TOTP_INVALID', MSG.TOTP_INVALID);
    }
    await this.deps.db
      .getRepository(AdminUserEntity)
      .update({ id: user.id }, { totpEnabled: true, updatedAt: this.deps.clock.now() });
    return { totpEnabled: true };
  }

  /** The login log, newest first; `username` matches case-insensitively. */
  async logins(q: LoginLogQuery): Promise<LoginLogResponse> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const [rows, total] = await this.deps.db.getRepository(AdminLoginEntity).findAndCount({
      where: q.username ? { username: q.username.toLowerCase() } : {},
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const items = rows.map((r) => ({
      id: r.id,
      username: r.username,
      adminUserId: r.adminUserId,
      outcome: r.outcome,
      ip: r.ip,
      userAgent: r.userAgent,
      at: r.at.toISOString(),
    }));
    return { items, total, page, pageSize };
  }

  private async totpMatches(sealed: string, code: string): Promise<boolean> {
    let secret: string;
    try {
      secret = this.deps.box.open(sealed);
    } catch (err) {
      // Sealed under another JWT_SECRET: the user has to enrol again.
      this.deps.log.warn({ err }, 'TOTP secret cannot be opened');
      return false;
    }
    // otplib's epoch is in milliseconds.
    const totp = authenticator.clone({ epoch: this.deps.clock.now().getTime(), window: TOTP_WINDOW_STEPS });
    return totp.check(code, secret);
  }

  private async record(username: string, adminUserId: number | null, outcome: LoginOutcome, meta: LoginMeta) {
    await this.deps.db.getRepository(AdminLoginEntity).insert({
      username: username.slice(0, 64),
      adminUserId,
      outcome,
      ip: meta.ip.slice(0, 64),
      userAgent: meta.userAgent.slice(0, 255),
      at: this.deps.clock.now(),
    });
  }
}
