/** closed: calls go through; open: calls are refused until the cool-down ends; half-open: one trial call decides. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Options: consecutive failures that open the circuit, cool-down in milliseconds, and the clock. */
export interface CircuitBreakerOptions {
  failureThreshold: number;
  coolDownMs: number;
  now: () => number;
}

/** A consecutive-failure circuit breaker that half-opens for a single trial call after `coolDownMs` milliseconds. */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAtMs = 0;
  private openForMs = 0;
  private trialInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  /** The state as of now (an open circuit whose cool-down has passed reads as half-open). */
  get state(): CircuitState {
    if (this.current === 'open' && this.options.now() - this.openedAtMs >= this.openForMs) return 'half-open';
    return this.current;
  }

  /** Whether a call may go out now; in half-open only the first caller gets through, as the trial. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.current = 'half-open';
    this.trialInFlight = true;
    return true;
  }

  /** A call succeeded: the circuit closes and the failure count restarts. */
  recordSuccess(): void {
    this.current = 'closed';
    this.failures = 0;
    this.trialInFlight = false;
  }

  /** A call failed: a failed trial, or the threshold-th consecutive failure, opens the circuit. */
  recordFailure(): void {
    this.failures += 1;
    if (this.current === 'half-open' || this.failures >= this.options.failureThreshold) this.trip();
    this.trialInFlight = false;
  }

  /** Opens the circuit now, for `coolDownMs` milliseconds (default: the configured cool-down). */
  trip(coolDownMs = this.options.coolDownMs): void {
    this.current = 'open';
    this.openedAtMs = this.options.now();
    this.openForMs = coolDownMs;
    this.trialInFlight = false;
  }
}
