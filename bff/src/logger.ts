import pino from 'pino';

/** The one logger type passed down from start-up. */
export type Logger = pino.Logger;

/** Creates the process logger; phone numbers and tokens are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['req.headers.authorization', '*.token', '*.phone', '*.session_key'],
      censor: '[redacted]',
    },
  });
}
