import { emailDomain, emailVerifiesWebsite, maskEmail, websiteDomain } from './free-mail';

describe('free-mail and domain verification', () => {
  it('reads domains from addresses and websites', () => {
    expect(emailDomain('Pat@Mercy.ORG')).toBe('mercy.org');
    expect(emailDomain('no-at-sign')).toBeNull();
    expect(websiteDomain('https://www.mercy.org/careers')).toBe('mercy.org');
    expect(websiteDomain('mercy.org')).toBe('mercy.org');
    expect(websiteDomain('javascript:alert(1)')).toBeNull();
    expect(websiteDomain('localhost')).toBeNull();
  });

  it('verifies an address at the website or a subdomain of it', () => {
    expect(emailVerifiesWebsite('pat@mercy.org', 'https://www.mercy.org')).toBe(true);
    expect(emailVerifiesWebsite('pat@coding.mercy.org', 'https://mercy.org')).toBe(true);
    expect(emailVerifiesWebsite('pat@notmercy.org', 'https://mercy.org')).toBe(false);
    expect(emailVerifiesWebsite('pat@mercy.org.evil.com', 'https://mercy.org')).toBe(false);
    expect(emailVerifiesWebsite('pat@mercy.org', null)).toBe(false);
  });

  it('never verifies by free mail, even when the website is the provider', () => {
    expect(emailVerifiesWebsite('recruiter@gmail.com', 'https://gmail.com')).toBe(false);
    expect(emailVerifiesWebsite('recruiter@outlook.com', 'https://www.outlook.com')).toBe(false);
  });

  it('masks addresses for logs', () => {
    expect(maskEmail('pat@mercy.org')).toBe('p***@mercy.org');
  });
});
