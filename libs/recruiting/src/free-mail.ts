// Mailbox providers anyone can sign up with: an address there says nothing about an employer, so it
// never verifies an organization, whatever website the organization names.
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'hey.com',
  'comcast.net',
  'att.net',
  'sbcglobal.net',
  'verizon.net',
  'cox.net',
  'charter.net',
  'earthlink.net',
  'qq.com',
  '163.com',
]);

/** The lower-cased domain of an e-mail address, or null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
}

/** The registrable host of a website address: lower case, without a leading www. */
export function websiteDomain(website: string): string | null {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    if (!host.includes('.')) return null;
    return host.replace(/^www\./, '');
  } catch {
    return null;
  }
}

export function isFreeMail(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}

/**
 * Whether a member's address proves they work at the organization: its domain is the website's
 * (or a subdomain of it: coding.mercy.org for mercy.org), and not a free-mail provider's.
 */
export function emailVerifiesWebsite(email: string, website: string | null): boolean {
  const domain = emailDomain(email);
  const site = website ? websiteDomain(website) : null;
  if (!domain || !site || isFreeMail(domain) || isFreeMail(site)) return false;
  return domain === site || domain.endsWith(`.${site}`);
}

/** A short form of an address for logs and audit rows: never the full address. */
export function maskEmail(email: string): string {
  const domain = emailDomain(email) ?? '?';
  return `${email.slice(0, 1)}***@${domain}`;
}
