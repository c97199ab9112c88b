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
});
