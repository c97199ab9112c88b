import { safeHref } from './safe-href';

describe('safeHref', () => {
  it('passes http and https addresses', () => {
    expect(safeHref('https://careers.example/jobs/1?src=x')).toBe('https://careers.example/jobs/1?src=x');
  });

  it('refuses script, data and relative addresses', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHref('/jobs')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
