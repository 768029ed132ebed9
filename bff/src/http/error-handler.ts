import type { Middleware } from 'koa';
import type { ErrorBody } from '@omni/shared-types';
import type { Logger } from '../logger';
import { AppError } from './errors';
import type { AppState } from './context';

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

/** Maps errors thrown by koa's own middleware (body parser, etc.) to our codes. */
function fromHttpError(err: HttpishError): AppError | null {
  const status = err.status ?? err.statusCode;
  if (!status || status >= 500) return null;
  if (status === 413) return new AppError(413, 'PAYLOAD_TOO_LARGE', '请求体过大');
  if (status === 415) return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型');
  if (status === 400 && (err.type === 'entity.parse.failed' || /JSON|json/.test(err.message ?? ''))) {
    return new AppError(400, 'BAD_JSON', '请求体不是合法的 JSON');
  }
  if (status === 400)
    return new AppError(400, 'VALIDATION_FAILED', err.expose ? (err.message ?? '请求无效') : '请求无效');
  return null;
}

/** First in the chain: every failure becomes `{ error: { code, message, details } }`. */
export function errorHandler(log: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = {
          error: {
            code: 'ROUTE_NOT_FOUND',
            message: `没有这个接口: ${ctx.method} ${ctx.path}`,
            requestId: ctx.state.requestId,
          },
        } satisfies ErrorBody;
      } else if (ctx.status === 405 && !ctx.body) {
        ctx.status = 405;
        ctx.body = {
          error: {
            code: 'METHOD_NOT_ALLOWED',
            message: `接口不支持 ${ctx.method}`,
            requestId: ctx.state.requestId,
          },
        } satisfies ErrorBody;
      }
    } catch (raw) {
      const err = raw instanceof AppError ? raw : fromHttpError(raw as HttpishError);
      if (err) {
        ctx.status = err.status;
        if (
          err.status === 429 &&
          err.details &&
          typeof err.details === 'object' &&
          'retryAfterS' in err.details
        ) {
          ctx.set('Retry-After', String((err.details as { retryAfterS: number }).retryAfterS));
        }
        ctx.body = {
          error: {
            code: err.code,
            message: err.message,
            requestId: ctx.state.requestId,
            details: err.details,
          },
        } satisfies ErrorBody;
        if (err.status >= 500) log.warn({ requestId: ctx.state.requestId, code: err.code }, err.message);
        return;
      }
      log.error(
        { err: raw, requestId: ctx.state.requestId, method: ctx.method, path: ctx.path },
        'unhandled error',
      );
      ctx.status = 500;
      ctx.body = {
        error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试', requestId: ctx.state.requestId },
      } satisfies ErrorBody;
    }
  };
}
