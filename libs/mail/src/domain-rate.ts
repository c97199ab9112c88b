/**
 * A per-recipient-domain pace: at most `perSecond` messages a second to one domain from this process.
 * Large receivers (gmail.com, a hospital's single mail host) throttle or defer bursts from one sender,
 * so a digest run spreads its mail to one domain instead of sending it all in the first second.
 * `wait(domain)` reserves the next free slot for the domain and resolves when it comes.
 */
export class DomainRateLimiter {
  private readonly next = new Map<string, number>();
  private readonly gapMs: number;

  constructor(
    perSecond: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.gapMs = perSecond > 0 ? 1000 / perSecond : 0;
  }

  /** Resolves when a message to `domain` may go. */
  async wait(domain: string): Promise<void> {
    if (this.gapMs === 0) return;
    const key = domain.toLowerCase();
    const now = this.now();
    const slot = Math.max(now, this.next.get(key) ?? 0);
    this.next.set(key, slot + this.gapMs);
    if (this.next.size > 10_000) this.forgetPast(now);
    if (slot > now) await this.sleep(slot - now);
  }

  /** Domains whose next slot has passed hold nothing worth keeping: the map stays bounded. */
  private forgetPast(now: number): void {
    for (const [key, at] of this.next) if (at <= now) this.next.delete(key);
  }
}

/** The domain part of an address, lowercased ("" when there is none). */
export function recipientDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0
    ? ''
    : address
        .slice(at + 1)
        .trim()
        .toLowerCase();
}
