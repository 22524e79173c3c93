/** How much awareness one connection may send; see {@link AwarenessRateLimit}. */
export interface AwarenessRateLimitOptions {
  /** Messages per second, sustained. Default 60 (a cursor following a mouse drag). */
  messagesPerSecond?: number;
  /** Bytes per second, sustained. Default 64 KiB (an honest state is a few hundred bytes). */
  bytesPerSecond?: number;
  /** Seconds of allowance a quiet connection may spend at once. Default 2. */
  burstSeconds?: number;
  /**
   * A connection that keeps exceeding its allowance this long, without one second free of
   * dropped messages, is closed (4429). Default 10 s.
   */
  closeAfterSeconds?: number;
}

export type AwarenessAdmission = 'accept' | 'drop' | 'close';

/**
 * Two token buckets (messages and bytes) per connection. Awareness is relayed to every other
 * participant, so a connection that floods it (146 MiB to each of 3 observers in 5 s) costs the
 * server and everyone's bandwidth: past its allowance its messages are dropped, and a connection
 * that keeps at it is closed.
 */
export class AwarenessRateLimit {
  private readonly messageRate: number;
  private readonly byteRate: number;
  private readonly messageCapacity: number;
  private readonly byteCapacity: number;
  private readonly closeAfterMs: number;
  private messages: number;
  private bytes: number;
  private refilledAt: number;
  /** Start of the current run of drops, and the last drop (a second without one ends the run). */
  private dropsSince: number | undefined;
  private lastDropAt = 0;

  constructor(
    options: AwarenessRateLimitOptions = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.messageRate = options.messagesPerSecond ?? 60;
    this.byteRate = options.bytesPerSecond ?? 64 * 1024;
    const burst = options.burstSeconds ?? 2;
    this.messageCapacity = Math.max(1, this.messageRate * burst);
    this.byteCapacity = Math.max(1, this.byteRate * burst);
    this.closeAfterMs = (options.closeAfterSeconds ?? 10) * 1000;
    this.messages = this.messageCapacity;
    this.bytes = this.byteCapacity;
    this.refilledAt = this.now();
  }

  /** Spends the allowance for one message of `byteLength` bytes, if there is enough left. */
  admit(byteLength: number): AwarenessAdmission {
    const now = this.now();
    const elapsed = Math.max(0, now - this.refilledAt) / 1000;
    this.refilledAt = now;
    this.messages = Math.min(this.messageCapacity, this.messages + elapsed * this.messageRate);
    this.bytes = Math.min(this.byteCapacity, this.bytes + elapsed * this.byteRate);
    if (this.messages >= 1 && this.bytes >= byteLength) {
      this.messages -= 1;
      this.bytes -= byteLength;
      return 'accept';
    }
    if (this.dropsSince === undefined || now - this.lastDropAt > 1000) this.dropsSince = now;
    this.lastDropAt = now;
    return now - this.dropsSince >= this.closeAfterMs ? 'close' : 'drop';
  }
}
