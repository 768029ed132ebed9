import { LoginGuard } from './login-guard';

describe('LoginGuard (in memory)', () => {
  it('asks for a captcha from the third failure and locks after the fifth, per username', async () => {
    const g = new LoginGuard({ redis: null });
    expect(await g.gate('alice', '10.0.0.1')).toEqual({ lockedForS: null, captchaRequired: false });
    await g.failed('alice', '10.0.0.1');
    await g.failed('alice', '10.0.0.2');
    expect((await g.failed('alice', '10.0.0.3')).captchaRequired).toBe(true);
    await g.failed('alice', '10.0.0.4');
    expect((await g.gate('alice', '10.0.0.9')).lockedForS).toBeNull();
    await g.failed('alice', '10.0.0.5');
    const gate = await g.gate('alice', '10.0.0.9');
    expect(gate.lockedForS).toBeGreaterThan(800);
    expect(gate.lockedForS).toBeLessThanOrEqual(900);
    expect((await g.gate('bob', '10.0.0.9')).lockedForS).toBeNull();
  });

  it('locks an IP that failed for five different usernames', async () => {
    const g = new LoginGuard({ redis: null });
    for (const u of ['a', 'b', 'c', 'd', 'e']) await g.failed(u, '10.1.1.1');
    expect((await g.gate('fresh', '10.1.1.1')).lockedForS).not.toBeNull();
    expect((await g.gate('fresh', '10.1.1.2')).lockedForS).toBeNull();
  });

  it('clears the username on success but keeps the IP count', async () => {
    const g = new LoginGuard({ redis: null });
    for (let n = 0; n < 3; n++) await g.failed('carol', '10.2.2.2');
    await g.succeeded('carol');
    expect(await g.gate('carol', '10.2.2.3')).toEqual({ lockedForS: null, captchaRequired: false });
    expect((await g.gate('carol', '10.2.2.2')).captchaRequired).toBe(true);
  });
});
