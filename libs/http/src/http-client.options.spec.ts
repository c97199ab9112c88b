import { HTTP_CLIENT_DEFAULTS, resolveHttpClientOptions, robotsProductToken } from './http-client.options';

describe('resolveHttpClientOptions', () => {
  const userAgent = 'CoderJobsBot/0.1 (+https://example.org/bot)';

  it('fills defaults', () => {
    const resolved = resolveHttpClientOptions({ userAgent });
    expect(resolved).toMatchObject(HTTP_CLIENT_DEFAULTS);
    expect(resolved.robotsErrorTtlMs).toBe(10 * 60_000);
  });

  it('keeps the error TTL within the robots TTL', () => {
    expect(resolveHttpClientOptions({ userAgent, robotsTtlMs: 1_000 }).robotsErrorTtlMs).toBe(1_000);
  });

  it('names the bad option', () => {
    expect(() => resolveHttpClientOptions({ userAgent: ' ' })).toThrow('userAgent');
    expect(() => resolveHttpClientOptions({ userAgent, readTimeoutMs: 0 })).toThrow('readTimeoutMs');
    expect(() => resolveHttpClientOptions({ userAgent, maxRetries: -1 })).toThrow('maxRetries');
    expect(() => resolveHttpClientOptions({ userAgent, maxBytes: Number.NaN })).toThrow('maxBytes');
  });
});

describe('robotsProductToken', () => {
  it('is the first word of the User-Agent without its version', () => {
    expect(robotsProductToken('CoderJobsBot/0.1 (+https://example.org/bot)')).toBe('CoderJobsBot');
    expect(robotsProductToken('coderjobs-crawler')).toBe('coderjobs-crawler');
    expect(robotsProductToken('(weird)')).toBe('*');
  });
});
