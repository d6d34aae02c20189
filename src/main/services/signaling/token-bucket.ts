/**
 * A token bucket: up to `capacity` actions in a burst, refilled evenly at `capacity` per
 * `refillMs`. Refilling is computed on use, so an idle bucket costs no timer.
 */
export class TokenBucket {
  private tokens: number
  private refilledAt: number

  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity
    this.refilledAt = now()
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.now()
    const refill = ((now - this.refilledAt) * this.capacity) / this.refillMs
    this.tokens = Math.min(this.capacity, this.tokens + refill)
    this.refilledAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
