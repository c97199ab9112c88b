import { systemClock, untilAborted, type Clock } from './clock';

// One request at a time per host, with a minimum pause between the end of one and the start of the
// next. Each host has its own serial queue, so a slow board never holds up another board's fetches.
// The pause can grow per host (robots.txt Crawl-delay) and a host can be put on hold (Retry-After),
// and both apply to every caller, not just the one that learned about them.

interface HostState {
  /** Settles when the last queued task has finished; the next task waits for it. */
  tail: Promise<void>;
  lastDoneAt: number | null;
  intervalMs: number;
  notBefore: number;
}

export class HostPacer {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly defaultIntervalMs: number,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Raises the host's minimum interval (never below the configured default, never lowers it). */
  setMinInterval(host: string, intervalMs: number): void {
    const state = this.state(host);
    state.intervalMs = Math.max(state.intervalMs, intervalMs);
  }

  intervalFor(host: string): number {
    return this.hosts.get(host)?.intervalMs ?? this.defaultIntervalMs;
  }

  /** Holds every request to the host until `untilMs` (epoch ms). */
  deferUntil(host: string, untilMs: number): void {
    const state = this.state(host);
    state.notBefore = Math.max(state.notBefore, untilMs);
  }

  /**
   * Runs `task` when it is this host's turn and the pause has elapsed. An abort while queued rejects
   * at once, but the slot is only handed on when the previous task is done, so the one-at-a-time
   * guarantee holds.
   */
  async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const state = this.state(host);
    const previous = state.tail;
    let finish!: () => void;
    state.tail = new Promise<void>((resolve) => (finish = resolve));
    try {
      await untilAborted(previous, signal);
      await this.waitForPause(state, signal);
      try {
        return await task();
      } finally {
        state.lastDoneAt = this.clock.now();
      }
    } finally {
      void previous.then(finish);
    }
  }

  private async waitForPause(state: HostState, signal?: AbortSignal): Promise<void> {
    // Loop: a Crawl-delay or Retry-After learned while sleeping pushes the start further out.
    for (;;) {
      const readyAt = Math.max(
        state.lastDoneAt === null ? 0 : state.lastDoneAt + state.intervalMs,
        state.notBefore,
      );
      const wait = readyAt - this.clock.now();
      if (wait <= 0) return;
      await this.clock.sleep(wait, signal);
    }
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { tail: Promise.resolve(), lastDoneAt: null, intervalMs: this.defaultIntervalMs, notBefore: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }
}
