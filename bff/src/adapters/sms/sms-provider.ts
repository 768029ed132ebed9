import { UpstreamError } from '../../http/errors';

/** Sends text messages to mainland mobile numbers. */
export interface SmsProvider {
  /** Resolves with the provider's message id; throws 503 SMS_UNAVAILABLE when it was not accepted. */
  send(phone: string, text: string): Promise<{ messageId: string }>;
}

/**
 * Talks to an SMS gateway over HTTP: `POST {apiBase}/v1/messages {phone, text}` with
 * `Authorization: Bearer <apiKey>`, answering `{messageId}` (the protocol of mock/src/sms; a
 * vendor such as Aliyun or Tencent Cloud SMS needs its own class behind `SmsProvider`).
 */
export class HttpSmsProvider implements SmsProvider {
  constructor(
    private readonly deps: { apiBase: string; apiKey: string; timeoutMs?: number; fetch?: typeof fetch },
  ) {}

  async send(phone: string, text: string): Promise<{ messageId: string }> {
    let status: number;
    let answer: { messageId?: unknown } | null;
    try {
      const res = await (this.deps.fetch ?? fetch)(new URL('/v1/messages', this.deps.apiBase), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.deps.apiKey}` },
        body: JSON.stringify({ phone, text }),
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? 5000),
      });
      status = res.status;
      answer = (await res.json().catch(() => null)) as { messageId?: unknown } | null;
    } catch {
      throw smsUnavailable();
    }
    if (status !== 200 || typeof answer?.messageId !== 'string') throw smsUnavailable();
    return { messageId: answer.messageId };
  }
}

function smsUnavailable(): UpstreamError {
  return new UpstreamError('SMS_UNAVAILABLE', '短信服务暂时不可用，请稍后再试', 503);
}
