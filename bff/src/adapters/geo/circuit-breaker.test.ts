import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let nowMs = 0;
  const make = () => new CircuitBreaker({ failureThreshold: 3, coolDownMs: 1_000, now: () => nowMs });

  beforeEach(() => {
    nowMs = 0;
  });

  it('opens after the threshold of consecutive failures, not before', () => {
    const breaker = make();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('counts only consecutive failures', () => {
    const breaker = make();
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
  });

  it('lets exactly one trial through after the cool-down and closes when it succeeds', () => {
    const breaker = make();
    breaker.trip();
    nowMs = 999;
    expect(breaker.tryAcquire()).toBe(false);
    nowMs = 1_000;
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('re-opens for a full cool-down when the trial fails', () => {
    const breaker = make();
    breaker.trip();
    nowMs = 1_000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    nowMs = 1_999;
    expect(breaker.tryAcquire()).toBe(false);
    nowMs = 2_000;
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('stays open for a longer cool-down when tripped with one', () => {
    const breaker = make();
    breaker.trip(60_000);
    nowMs = 59_999;
    expect(breaker.state).toBe('open');
    nowMs = 60_000;
    expect(breaker.state).toBe('half-open');
  });
});
