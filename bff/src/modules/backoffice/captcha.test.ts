import { CaptchaService } from './captcha';

describe('CaptchaService (in memory)', () => {
  it('draws an SVG with svg-captcha', async () => {
    const c = await new CaptchaService({ redis: null }).issue();
    expect(c.svg.startsWith('<svg')).toBe(true);
    expect(c.expiresInS).toBe(120);
  });

  it('accepts the right answer once, in any case', async () => {
    const s = new CaptchaService({ redis: null, make: () => ({ text: 'AbCd', svg: '<svg/>' }) });
    const { captchaId } = await s.issue();
    expect(await s.check(captchaId, 'abcd')).toBe(true);
    expect(await s.check(captchaId, 'abcd')).toBe(false);
  });

  it('spends the captcha on a wrong answer too', async () => {
    const s = new CaptchaService({ redis: null, make: () => ({ text: 'wxyz', svg: '<svg/>' }) });
    const { captchaId } = await s.issue();
    expect(await s.check(captchaId, 'wxy')).toBe(false);
    expect(await s.check(captchaId, 'wxyz')).toBe(false);
    expect(await s.check('unknown', 'wxyz')).toBe(false);
  });

  it('refuses an expired answer', async () => {
    const s = new CaptchaService({ redis: null, ttlS: 0, make: () => ({ text: 'abcd', svg: '<svg/>' }) });
    const { captchaId } = await s.issue();
    expect(await s.check(captchaId, 'abcd')).toBe(false);
  });
});
