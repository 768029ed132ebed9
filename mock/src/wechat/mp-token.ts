import { randomBytes } from 'node:crypto';

/** A WeChat error answer `{ errcode, errmsg }`. */
export interface MpError {
  errcode: number;
  errmsg: string;
}

/** What `/cgi-bin/stable_token` and `/cgi-bin/token` answer on success. */
export interface MpToken {
  access_token: string;
  expires_in: number;
}

interface Row {
  expiresAtMs: number;
  /** Replaced by a newer token (force_refresh, the old API) or `invalidateToken()`: "not latest". */
  invalidated: boolean;
}

/** The two token lines WeChat keeps apart: stable_token and the old getAccessToken never affect each other. */
type Line = 'stable' | 'legacy';

/**
 * The app's access tokens. Stable (`/cgi-bin/stable_token`): normal mode hands out the current token
 * while it is valid, so every instance shares one; force_refresh issues a new one and makes the previous
 * one "not latest". Legacy (`/cgi-bin/token`): every call issues a new token and invalidates the last one
 * at once (WeChat keeps the old one for 5 minutes; the mock does not, so the multi-instance breakage shows
 * on the first call). WeChat's early renewal in the last 5 minutes of a stable token is not modelled.
 */
export function createTokens(o: { ttlS: number; nowMs: () => number }) {
  const rows = new Map<string, Row>();
  const current: Record<Line, string | null> = { stable: null, legacy: null };
  let issued = 0;

  const usable = (token: string | null): token is string => {
    const row = token ? rows.get(token) : undefined;
    return !!row && !row.invalidated && o.nowMs() < row.expiresAtMs;
  };
  const answer = (token: string): MpToken => ({
    access_token: token,
    expires_in: Math.max(1, Math.ceil((rows.get(token)!.expiresAtMs - o.nowMs()) / 1000)),
  });
  const issue = (line: Line): MpToken => {
    const previous = current[line];
    if (previous) rows.get(previous)!.invalidated = true;
    const token = `${++issued}_${randomBytes(48).toString('base64url')}`;
    rows.set(token, { expiresAtMs: o.nowMs() + o.ttlS * 1000, invalidated: false });
    current[line] = token;
    return answer(token);
  };
  const eachCurrent = (f: (row: Row) => void): void => {
    for (const t of Object.values(current)) if (t) f(rows.get(t)!);
  };

  return {
    stable(forceRefresh: boolean): MpToken {
      const t = current.stable;
      return !forceRefresh && usable(t) ? answer(t) : issue('stable');
    },
    legacy: (): MpToken => issue('legacy'),
    /** The error WeChat answers an API call made with `token`, or null when the token works. */
    check(token: string | null): MpError | null {
      if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
      const row = rows.get(token);
      if (!row || row.invalidated) {
        return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
      }
      if (o.nowMs() >= row.expiresAtMs) return { errcode: 42001, errmsg: 'access_token expired' };
      return null;
    },
    /** The current tokens of both lines expire now. */
    expire: (): void => eachCurrent((row) => (row.expiresAtMs = Math.min(row.expiresAtMs, o.nowMs()))),
    /** The current tokens of both lines become "not latest". */
    invalidate: (): void => eachCurrent((row) => (row.invalidated = true)),
    issued: (): number => issued,
  };
}

export type MpTokens = ReturnType<typeof createTokens>;
