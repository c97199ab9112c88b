import type { Clock } from './clock';
import { HostPacer } from './host-pacer';

/** A clock whose sleeps move time forward instantly, so spacing can be asserted exactly. */
function fakeClock(): Clock & { t: number } {
  const clock = {
    t: 1_000,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

describe('HostPacer', () => {
  it('runs tasks for one host one at a time, spaced by the interval', async () => {
    const clock = fakeClock();
    const pacer = new HostPacer(100, clock);
    const log: string[] = [];
    const task = (name: string, takesMs: number) => async () => {
      log.push(`start ${name} @${clock.t}`);
      clock.t += takesMs;
      log.push(`end ${name} @${clock.t}`);
    };
    await Promise.all([
      pacer.run('a.test', task('1', 10)),
      pacer.run('a.test', task('2', 10)),
      pacer.run('a.test', task('3', 10)),
    ]);

    expect(log).toEqual([
      'start 1 @1000',
      'end 1 @1010',
      'start 2 @1110',
      'end 2 @1120',
      'start 3 @1220',
      'end 3 @1230',
    ]);
  });

  it('does not make one host wait for another', async () => {
    const pacer = new HostPacer(0);
    let releaseSlow!: () => void;
    const slow = pacer.run('slow.test', () => new Promise<void>((resolve) => (releaseSlow = resolve)));
    const fast = await pacer.run('fast.test', async () => 'done');
    expect(fast).toBe('done');
    releaseSlow();
    await slow;
  });

  it('raises the interval for a host but never lowers it below the default', async () => {
    const pacer = new HostPacer(100);
    pacer.setMinInterval('a.test', 500);
    pacer.setMinInterval('b.test', 10);
    expect(pacer.intervalFor('a.test')).toBe(500);
    expect(pacer.intervalFor('b.test')).toBe(100);
    expect(pacer.intervalFor('c.test')).toBe(100);
  });

  it('holds a deferred host until the given time', async () => {
    const clock = fakeClock();
    const pacer = new HostPacer(0, clock);
    pacer.deferUntil('a.test', 5_000);
    const startedAt = await pacer.run('a.test', async () => clock.now());
    expect(startedAt).toBe(5_000);
  });

  it('keeps the queue going after a task fails', async () => {
    const pacer = new HostPacer(0);
    await expect(pacer.run('a.test', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(pacer.run('a.test', async () => 'next')).resolves.toBe('next');
  });

  it('rejects a queued task on abort without letting the next one overtake the running one', async () => {
    const pacer = new HostPacer(0);
    let running = 0;
    let maxRunning = 0;
    let releaseFirst!: () => void;
    const first = pacer.run('a.test', async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      running--;
    });
    const controller = new AbortController();
    const aborted = pacer.run('a.test', async () => 'never', controller.signal);
    const third = pacer.run('a.test', async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      running--;
      return 'third';
    });
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(maxRunning).toBe(1);
    releaseFirst();
    await first;
    await expect(third).resolves.toBe('third');
    expect(maxRunning).toBe(1);
  });
});
