import { HttpError } from './http-client.types';
import { methodAfterRedirect, parseRequestUrl, resolveRedirect } from './redirects';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof HttpError ? err.code : 'not an HttpError';
  }
  return undefined;
}

describe('resolveRedirect', () => {
  const from = 'https://jobs.example.org/careers/list?page=2';

  it('resolves absolute, root-relative and relative Locations', () => {
    expect(resolveRedirect(from, 'https://other.example.org/x')).toBe('https://other.example.org/x');
    expect(resolveRedirect(from, '/search')).toBe('https://jobs.example.org/search');
    expect(resolveRedirect(from, 'detail/42')).toBe('https://jobs.example.org/careers/detail/42');
    expect(resolveRedirect(from, '//cdn.example.org/a')).toBe('https://cdn.example.org/a');
  });

  it('drops the fragment', () => {
    expect(resolveRedirect(from, '/a#top')).toBe('https://jobs.example.org/a');
  });

  it('rejects a missing Location and non-http protocols', () => {
    expect(codeOf(() => resolveRedirect(from, undefined))).toBe('BAD_REDIRECT');
    expect(codeOf(() => resolveRedirect(from, '  '))).toBe('BAD_REDIRECT');
    expect(codeOf(() => resolveRedirect(from, 'http://[bad'))).toBe('BAD_REDIRECT');
    expect(codeOf(() => resolveRedirect(from, 'ftp://files.example.org/a'))).toBe('UNSUPPORTED_PROTOCOL');
    expect(codeOf(() => resolveRedirect(from, 'javascript:alert(1)'))).toBe('UNSUPPORTED_PROTOCOL');
  });
});

describe('methodAfterRedirect', () => {
  it('turns POST into GET on 301/302/303 and keeps it on 307/308', () => {
    expect(methodAfterRedirect(301, 'POST')).toBe('GET');
    expect(methodAfterRedirect(302, 'POST')).toBe('GET');
    expect(methodAfterRedirect(303, 'POST')).toBe('GET');
    expect(methodAfterRedirect(307, 'POST')).toBe('POST');
    expect(methodAfterRedirect(308, 'POST')).toBe('POST');
    expect(methodAfterRedirect(302, 'GET')).toBe('GET');
  });
});

describe('parseRequestUrl', () => {
  it('accepts http(s) and rejects everything else', () => {
    expect(parseRequestUrl('https://a.example.org/x#y').href).toBe('https://a.example.org/x');
    expect(codeOf(() => parseRequestUrl('/relative'))).toBe('UNSUPPORTED_PROTOCOL');
    expect(codeOf(() => parseRequestUrl('file:///etc/passwd'))).toBe('UNSUPPORTED_PROTOCOL');
  });

  it('refuses a user name or password in the URL without repeating them', () => {
    for (const raw of ['https://feed:s3cret@jobs.example.org/x', 'https://s3cret@jobs.example.org/x']) {
      let error: HttpError | undefined;
      try {
        parseRequestUrl(raw);
      } catch (err) {
        error = err as HttpError;
      }
      expect(error?.code).toBe('CREDENTIALS_IN_URL');
      expect(error?.permanent).toBe(true);
      expect(`${error?.message} ${error?.url}`).not.toMatch(/s3cret|feed:/);
      expect(error?.url).toBe('https://***@jobs.example.org/x');
    }
  });

  it('does not repeat an unparseable URL, which may hold a password', () => {
    let error: HttpError | undefined;
    try {
      parseRequestUrl('http://user:s3cret@[bad/x');
    } catch (err) {
      error = err as HttpError;
    }
    expect(error?.code).toBe('UNSUPPORTED_PROTOCOL');
    expect(error?.message).not.toContain('s3cret');
  });
});

describe('resolveRedirect and credentials', () => {
  it('refuses a Location carrying a user name or password', () => {
    expect(
      codeOf(() => resolveRedirect('https://jobs.example.org/a', 'https://u:p@other.example.org/b')),
    ).toBe('CREDENTIALS_IN_URL');
  });
});
