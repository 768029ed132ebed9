import { Consent, LocationResult, type CoordSystem } from '@omni/shared-types';
import { ApiError, messageFor, request } from './request';

/** One position for `POST /lbs/location`: degrees in `coord`, accuracy in metres when known. */
export interface PositionReport {
  lat: number;
  lng: number;
  coord: CoordSystem;
  accuracyM?: number;
}

const LBS_MESSAGES: Record<string, string> = {
  CONSENT_REQUIRED: '请先同意使用位置信息',
  RATE_LIMITED: '位置上报太频繁，稍后自动继续',
  LOCATION_REJECTED: '当前位置不在服务范围内',
  ALREADY_CLAIMED: '已被同事认领',
  EVENT_NOT_FOUND: '事件不存在或已处理',
  INVALID_STATE: '状态已变化，请刷新后重试',
};

/** Chinese text for a failed LBS or staff call (codes the shared request layer has no text for). */
export function lbsErrorMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return messageFor('INTERNAL');
  return LBS_MESSAGES[err.code] ?? err.message;
}

/** The signed-in consumer's location consent. */
export function getConsent(): Promise<Consent> {
  return request({ path: '/lbs/consent', schema: Consent, silent: true });
}

/** Records the consumer's answer to the location dialog. */
export function setConsent(location: boolean): Promise<Consent> {
  return request({ method: 'POST', path: '/lbs/consent', data: { location }, schema: Consent, silent: true });
}

/** Reports one position; fails with CONSENT_REQUIRED (403) or RATE_LIMITED (429). */
export function reportLocation(report: PositionReport): Promise<LocationResult> {
  const data: Record<string, unknown> = {
    lat: Number(report.lat.toFixed(6)),
    lng: Number(report.lng.toFixed(6)),
    coord: report.coord,
  };
  if (report.accuracyM !== undefined && report.accuracyM >= 0 && report.accuracyM <= 10_000)
    data.accuracyM = Math.round(report.accuracyM);
  return request({ method: 'POST', path: '/lbs/location', data, schema: LocationResult, silent: true });
}
