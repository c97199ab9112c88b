import { HttpError } from '#http';
import { withoutSecret } from './usajobs.fetch';

describe('withoutSecret', () => {
  const KEY = 'abc123-secret-key';

  it('rebuilds an HttpError without the key in its message or URL, keeping its code and status', () => {
    const err = new HttpError('HTTP_STATUS', `HTTP 401 for key ${KEY}`, `https://h/api?k=${KEY}`, 401);
    const clean = withoutSecret(err, KEY) as HttpError;
    expect(clean).toBeInstanceOf(HttpError);
    expect(clean).toMatchObject({ code: 'HTTP_STATUS', status: 401, permanent: true });
    expect(`${clean.message} ${clean.url} ${clean.stack}`).not.toContain(KEY);
    expect(clean.message).toBe('HTTP 401 for key [redacted]');
  });

  it('rebuilds any other error that mentions the key and leaves the rest alone', () => {
    const leaky = new TypeError(`bad header ${KEY}`);
    const clean = withoutSecret(leaky, KEY) as Error;
    expect(clean.message).toBe('bad header [redacted]');
    expect(clean.name).toBe('TypeError');
    const harmless = new Error('socket hang up');
    expect(withoutSecret(harmless, KEY)).toBe(harmless);
  });
});
