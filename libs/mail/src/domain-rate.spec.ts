import { DomainRateLimiter, recipientDomain } from './domain-rate';

describe('DomainRateLimiter', () => {
  it('spaces messages to one domain and lets other domains through at once', async () => {
    let now = 1_000;
    const slept: number[] = [];
    const limiter = new DomainRateLimiter(
      4,
      () => now,
      async (ms) => {
        slept.push(ms);
      },
    );
    await limiter.wait('gmail.com');
    await limiter.wait('GMAIL.com');
    await limiter.wait('gmail.com');
    await limiter.wait('mercyvalley.org');
    expect(slept).toEqual([250, 500]);
    now += 2_000;
    await limiter.wait('gmail.com');
    expect(slept).toEqual([250, 500]);
  });

  it('does not wait at all with a rate of 0', async () => {
    const sleep = jest.fn(async () => undefined);
    const limiter = new DomainRateLimiter(0, () => 0, sleep);
    for (let i = 0; i < 5; i++) await limiter.wait('gmail.com');
    expect(sleep).not.toHaveBeenCalled();
  });
});

describe('recipientDomain', () => {
  it('is the lowercased part after the last @', () => {
    expect(recipientDomain('Maria.Lopez@Example.ORG')).toBe('example.org');
    expect(recipientDomain('nobody')).toBe('');
  });
});
