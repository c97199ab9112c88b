import { DigestUrls } from './digest-urls';
import { signLink } from './link-tokens';
import {
  bounceAddress,
  parseMailboxAddress,
  subscriptionBounceAddress,
  unsubscribeAddress,
  unsubscribeTokenInSubject,
} from './mailbox-addresses';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const DOMAIN = 'coderjobs.example';
const SUB = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OUTBOX = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('mailbox addresses', () => {
  it('names one subscription and its link version in an unsubscribe address within 64 characters', () => {
    const address = unsubscribeAddress(SECRET, DOMAIN, SUB, 3);
    const local = address.slice(0, address.lastIndexOf('@'));
    expect(local).toMatch(/^unsubscribe\+[a-z2-7]{26}-3-[a-z2-7]{16}$/);
    expect(local.length).toBeLessThanOrEqual(64);
    expect(parseMailboxAddress(SECRET, DOMAIN, address)).toEqual({
      kind: 'unsubscribe',
      subscriptionId: SUB,
      version: 3,
    });
    // An MTA that changes the case changes nothing.
    expect(parseMailboxAddress(SECRET, DOMAIN, address.toUpperCase())).toEqual({
      kind: 'unsubscribe',
      subscriptionId: SUB,
      version: 3,
    });
  });

  it('names one outbox row in a bounce address', () => {
    const address = bounceAddress(SECRET, DOMAIN, OUTBOX);
    expect(address).toMatch(/^bounce\+[a-z2-7]{26}-[a-z2-7]{16}@coderjobs\.example$/);
    expect(parseMailboxAddress(SECRET, 'CoderJobs.Example', address)).toEqual({
      kind: 'bounce',
      outboxId: OUTBOX,
    });
  });

  it('names one subscription in the bounce address of mail about it, not to be taken for a digest', () => {
    const address = subscriptionBounceAddress(SECRET, DOMAIN, SUB);
    const local = address.slice(0, address.lastIndexOf('@'));
    expect(local).toMatch(/^bounce\+s[a-z2-7]{26}-[a-z2-7]{16}$/);
    expect(local.length).toBeLessThanOrEqual(64);
    expect(parseMailboxAddress(SECRET, DOMAIN, address.toUpperCase())).toEqual({
      kind: 'subscription-bounce',
      subscriptionId: SUB,
    });
    // The same id signed as a digest's row does not pass for it, nor the other way round.
    const asDigest = bounceAddress(SECRET, DOMAIN, SUB).replace('bounce+', 'bounce+s');
    expect(parseMailboxAddress(SECRET, DOMAIN, asDigest)).toEqual({ kind: 'unknown' });
    const asSubscription = address.replace('bounce+s', 'bounce+');
    expect(parseMailboxAddress(SECRET, DOMAIN, asSubscription)).toEqual({ kind: 'unknown' });
    expect(parseMailboxAddress(`${SECRET}x`, DOMAIN, address)).toEqual({ kind: 'unknown' });
  });

  it('refuses a token that was altered, signed with another key or made for the other purpose', () => {
    const address = unsubscribeAddress(SECRET, DOMAIN, SUB, 3);
    const otherVersion = address.replace('-3-', '-4-');
    expect(parseMailboxAddress(SECRET, DOMAIN, otherVersion)).toEqual({ kind: 'unknown' });
    const flipped = address.replace(/[a-z2-7](@)/, (m) => (m[0] === 'a' ? 'b@' : 'a@'));
    expect(parseMailboxAddress(SECRET, DOMAIN, flipped)).toEqual({ kind: 'unknown' });
    expect(parseMailboxAddress(`${SECRET}x`, DOMAIN, address)).toEqual({ kind: 'unknown' });
    const bounce = bounceAddress(SECRET, DOMAIN, OUTBOX);
    const crossed = bounce.replace('bounce+', 'unsubscribe+').replace('-', '-1-');
    expect(parseMailboxAddress(SECRET, DOMAIN, crossed)).toEqual({ kind: 'unknown' });
    for (const junk of [
      `postmaster@${DOMAIN}`,
      `bounce+@${DOMAIN}`,
      `${'a'.repeat(300)}@${DOMAIN}`,
      `unsubscribe+${'a'.repeat(26)}-01-${'a'.repeat(16)}@${DOMAIN}`,
    ]) {
      expect(parseMailboxAddress(SECRET, DOMAIN, junk)).toEqual({ kind: 'unknown' });
    }
  });

  it('calls any other domain foreign (no relaying)', () => {
    const address = unsubscribeAddress(SECRET, DOMAIN, SUB, 3);
    expect(parseMailboxAddress(SECRET, DOMAIN, address.replace(DOMAIN, 'example.org'))).toEqual({
      kind: 'foreign',
    });
    expect(parseMailboxAddress(SECRET, DOMAIN, `x@mail.${DOMAIN}`)).toEqual({ kind: 'foreign' });
    expect(parseMailboxAddress(SECRET, DOMAIN, 'no-at-sign')).toEqual({ kind: 'foreign' });
  });
});

describe('unsubscribe@ with the link token in the subject (digests sent without the mailbox)', () => {
  it('is its own kind of address, and the token is found in the subject however it is worded', () => {
    expect(parseMailboxAddress(SECRET, DOMAIN, `Unsubscribe@${DOMAIN}`)).toEqual({
      kind: 'unsubscribe-by-subject',
    });
    const token = signLink(SECRET, 'unsubscribe', SUB, 2);
    expect(unsubscribeTokenInSubject(`unsubscribe ${token}`)).toBe(token);
    expect(unsubscribeTokenInSubject(`Re: unsubscribe ${token} `)).toBe(token);
    expect(unsubscribeTokenInSubject('unsubscribe')).toBeNull();
    expect(unsubscribeTokenInSubject(`unsubscribe x${token}`)).toBeNull();
  });
});

describe('DigestUrls with and without the mailbox', () => {
  const base = { PORT: 3000, MAIL_FROM: 'CoderJobs <jobs@coderjobs.example>', MAIL_LINK_SECRET: SECRET };

  it('keeps unsubscribe@ with the token in the subject, and the From as envelope sender, without it', () => {
    const urls = new DigestUrls(base);
    expect(urls.unsubscribeMailto(SUB, 1)).toMatch(
      /^mailto:unsubscribe@coderjobs\.example\?subject=unsubscribe%20unsubscribe\./,
    );
    expect(urls.envelopeSender(OUTBOX)).toBeUndefined();
  });

  it('points the mailto and the envelope sender at the mailbox when it listens', () => {
    const urls = new DigestUrls({
      ...base,
      INBOUND_SMTP_PORT: 2525,
      INBOUND_MAIL_DOMAIN: 'in.coderjobs.example',
    });
    const mailto = urls.unsubscribeMailto(SUB, 1);
    expect(mailto).toMatch(/^mailto:unsubscribe\+[a-z0-9-]+@in\.coderjobs\.example\?subject=unsubscribe$/);
    const address = mailto.slice('mailto:'.length, mailto.indexOf('?'));
    expect(parseMailboxAddress(SECRET, 'in.coderjobs.example', address)).toMatchObject({
      subscriptionId: SUB,
    });
    const sender = urls.envelopeSender(OUTBOX)!;
    expect(parseMailboxAddress(SECRET, 'in.coderjobs.example', sender)).toEqual({
      kind: 'bounce',
      outboxId: OUTBOX,
    });
  });
});
