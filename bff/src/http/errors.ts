import type { ErrorCode, FieldIssue } from '@omni/shared-types';

/** A failure whose code and message are safe to show to the client. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the request is malformed; `details.fields` names the offending fields. */
export class ValidationError extends AppError {
  constructor(message: string, fields: FieldIssue[], code: ErrorCode = 'VALIDATION_FAILED') {
    super(400, code, message, { fields });
  }
}

/** 401: no or bad credentials. */
export class UnauthenticatedError extends AppError {
  constructor(code: ErrorCode = 'UNAUTHENTICATED', message = '请先登录') {
    super(401, code, message);
  }
}

/** 403: authenticated but not allowed. */
export class ForbiddenError extends AppError {
  constructor(message = '无权执行此操作', code: ErrorCode = 'FORBIDDEN') {
    super(403, code, message);
  }
}

/** 404: the object does not exist or the caller may not see it. */
export class NotFoundError extends AppError {
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(404, code, message, details);
  }
}

/** 409: the request conflicts with the current state. */
export class ConflictError extends AppError {
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}

/** 422: well-formed but cannot be processed. */
export class UnprocessableError extends AppError {
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(422, code, message, details);
  }
}

/** 429: too many requests. */
export class RateLimitedError extends AppError {
  constructor(
    code: ErrorCode = 'RATE_LIMITED',
    message = '请求太频繁，请稍后再试',
    readonly retryAfterS = 1,
  ) {
    super(429, code, message, { retryAfterS });
  }
}

/** 502/503: an upstream (WeChat, AMap) failed. */
export class UpstreamError extends AppError {
  constructor(code: ErrorCode, message: string, status = 502) {
    super(status, code, message);
  }
}
