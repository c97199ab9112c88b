import { randomBytes } from 'node:crypto';
import { SALARY_PERIOD_NAMES, STATE_NAMES, WORK_MODE_NAMES, type UsState } from '#taxonomy';
import type { DigestCriteria } from './digest-criteria';
import type { DigestListing } from './digest-listing';
import type { DigestSelection } from './select-digest';

/** The addresses a digest links to (absolute, made by the caller). */
export interface DigestLinks {
  listing: (id: string) => string;
  /** The full search ("and N more"); for a profile digest, the matches page. */
  all: string;
  /** The same search narrowed to one employer. */
  employer: (name: string) => string;
  manage: string;
  unsubscribe: string;
}

/** A listing of an earlier digest that is still open (the optional "still open from earlier" section). */
export interface EarlierListing {
  id: string;
  title: string;
  employer: string | null;
}

export interface DigestContext {
  kind: 'search' | 'profile';
  criteria: DigestCriteria | null;
  frequency: 'daily' | 'weekly';
  links: DigestLinks;
  /** Shown after the new ones, titles and links only; none when absent or empty. */
  earlier?: readonly EarlierListing[];
}

export interface RenderedDigest {
  subject: string;
  text: string;
  html: string;
}

const stateName = (code: string) => STATE_NAMES[code as UsState] ?? code;

/** "remote CPC jobs for Texas residents": what a search digest is about, in words. */
export function describeSearch(c: DigestCriteria | null, count: number): string {
  const words: string[] = [];
  if (c?.workModes?.length === 1) words.push(WORK_MODE_NAMES[c.workModes[0] as 'remote'].toLowerCase());
  if (c?.credentials?.length === 1) words.push(c.credentials[0]);
  words.push(count === 1 ? 'job' : 'jobs');
  if (c?.employer) words.push(`at ${c.employer}`);
  if (c?.remoteEligibleFor) words.push(`for ${stateName(c.remoteEligibleFor)} residents`);
  else if (c?.states?.length === 1) words.push(`in ${stateName(c.states[0])}`);
  else if (c?.near) words.push(`near ${c.near.label}`);
  if (c?.q) words.push(`matching "${c.q.length > 40 ? `${c.q.slice(0, 39)}…` : c.q}"`);
  return words.join(' ');
}

/** "5 new remote CPC jobs for Texas residents"; "3 new jobs matching your profile". */
export function digestSubject(ctx: DigestContext, total: number): string {
  const what =
    ctx.kind === 'profile'
      ? `${total === 1 ? 'job' : 'jobs'} matching your profile`
      : describeSearch(ctx.criteria, total);
  return `${total} new ${what}`;
}

/** Key facts of a listing, in words: credentials, where it may be worked from, pay. */
export function keyFacts(l: DigestListing): string[] {
  const facts: string[] = [];
  const required = l.certifications.required;
  const anyOf = l.certifications.anyOf.map((g) => g.join(' or '));
  if (required.length > 0 || anyOf.length > 0) facts.push(`Requires ${[...required, ...anyOf].join(', ')}`);
  else if (l.certifications.preferred.length > 0)
    facts.push(`Prefers ${l.certifications.preferred.join(', ')}`);
  if (l.workMode === 'remote') {
    if (l.remoteStates && l.remoteStates.length > 0) {
      const shown = l.remoteStates.slice(0, 6).join(', ');
      facts.push(
        `Remote from ${shown}${l.remoteStates.length > 6 ? ` and ${l.remoteStates.length - 6} more states` : ''}`,
      );
    } else facts.push('Remote');
  } else {
    const place = l.locations.find((p) => p.city || p.state);
    const where = place ? [place.city, place.state].filter(Boolean).join(', ') : null;
    facts.push(`${WORK_MODE_NAMES[l.workMode]}${where ? ` in ${where}` : ''}`);
  }
  const pay = payText(l);
  if (pay) facts.push(pay);
  return facts;
}

const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 2,
});

function payText(l: DigestListing): string | null {
  const s = l.salary;
  if (!s || (s.min === null && s.max === null) || s.currency !== 'USD') return null;
  const f = (n: number) => money.format(n).replace(/\.00$/, '');
  const range =
    s.min !== null && s.max !== null && s.min !== s.max
      ? `${f(s.min)}–${f(s.max)}`
      : f((s.min ?? s.max) as number);
  return `${range} ${SALARY_PERIOD_NAMES[s.period]}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text for a line of a plain-text mail: no control characters, one line. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/** The digest as a subject, a plain-text part and an HTML part. */
export function renderDigest(selection: DigestSelection, ctx: DigestContext): RenderedDigest {
  const subject = oneLine(digestSubject(ctx, selection.total));
  return { subject, text: renderText(selection, ctx, subject), html: renderHtml(selection, ctx, subject) };
}

/** The links a digest carries that are its subscriber's own (signed for one subscription). */
export type OwnLinks = Pick<DigestLinks, 'manage' | 'unsubscribe'>;

// Stand-ins for the subscriber's own links carry a random part drawn per template: a posting's text
// (a recruiter's words) cannot know it, so it cannot plant a stand-in that the fill would replace.
interface Slots {
  manage: string;
  unsubscribe: string;
  pattern: RegExp;
}

function newSlots(): Slots {
  const nonce = randomBytes(12).toString('hex');
  return {
    manage: `https://digest.invalid/manage-${nonce}`,
    unsubscribe: `https://digest.invalid/unsubscribe-${nonce}`,
    pattern: new RegExp(`(https://digest\\.invalid/(?:manage|unsubscribe)-${nonce})`),
  };
}

/** What escapeHtml would change: a link with none of these reads the same in text and HTML. */
const HTML_SPECIAL = /[&<>"']/;

/**
 * A digest rendered once for many subscribers with the same selection and search, their own links
 * filled in per subscriber: the same output as renderDigest with those links, at the cost of two
 * string joins (a daily run renders tens of thousands of digests from far fewer distinct ones).
 */
export function digestTemplate(
  selection: DigestSelection,
  ctx: Omit<DigestContext, 'links'> & { links: Omit<DigestLinks, keyof OwnLinks> },
): (own: OwnLinks) => RenderedDigest {
  const slots = newSlots();
  const slotted = renderDigest(selection, {
    ...ctx,
    links: { ...ctx.links, manage: slots.manage, unsubscribe: slots.unsubscribe },
  });
  const text = slotted.text.split(slots.pattern);
  const html = slotted.html.split(slots.pattern);
  return (own) => {
    if (HTML_SPECIAL.test(own.manage) || HTML_SPECIAL.test(own.unsubscribe)) {
      return renderDigest(selection, { ...ctx, links: { ...ctx.links, ...own } });
    }
    return { subject: slotted.subject, text: fillSlots(text, slots, own), html: fillSlots(html, slots, own) };
  };
}

/** parts: the rendering cut at each stand-in, [text, slot, text, slot, ...]. */
function fillSlots(parts: readonly string[], slots: Slots, own: OwnLinks): string {
  let out = '';
  for (const part of parts) {
    out += part === slots.manage ? own.manage : part === slots.unsubscribe ? own.unsubscribe : part;
  }
  return out;
}

function renderText(s: DigestSelection, ctx: DigestContext, subject: string): string {
  const out: string[] = [subject, ''];
  for (const { listing: l, reasons } of s.items) {
    out.push(oneLine(l.employer ? `${l.title} — ${l.employer}` : l.title));
    for (const fact of keyFacts(l)) out.push(`  ${oneLine(fact)}`);
    for (const reason of reasons) out.push(`  ✓ ${oneLine(reason)}`);
    out.push(`  ${ctx.links.listing(l.id)}`, '');
  }
  for (const o of s.moreFromEmployer) {
    out.push(`${o.count} more from ${oneLine(o.employer)}: ${ctx.links.employer(o.employer)}`);
  }
  if (s.more > 0) out.push(`And ${s.more} more: ${ctx.links.all}`);
  if (ctx.earlier && ctx.earlier.length > 0) {
    out.push('', 'Still open from earlier:');
    for (const l of ctx.earlier) {
      out.push(
        `  ${oneLine(l.employer ? `${l.title} — ${l.employer}` : l.title)}: ${ctx.links.listing(l.id)}`,
      );
    }
  }
  out.push(
    '',
    '--',
    `You get this ${ctx.frequency} digest because you asked for it on CoderJobs.`,
    `Change or stop your digests: ${ctx.links.manage}`,
    `Unsubscribe from this one: ${ctx.links.unsubscribe}`,
  );
  return out.join('\n');
}

// E-mail HTML: tables and inline styles (clients drop <style> and layout CSS), no images, colours
// that read on light and dark backgrounds (clients invert them in dark mode), system fonts.
const FONT = 'font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;';

function renderHtml(s: DigestSelection, ctx: DigestContext, subject: string): string {
  const rows = s.items
    .map(({ listing: l, reasons }) => {
      const facts = keyFacts(l)
        .map((f) => escapeHtml(f))
        .join(' · ');
      const why = reasons.length
        ? `<div style="${FONT}font-size:14px;color:#2e7d32;margin-top:4px;">${reasons.map((r) => `✓ ${escapeHtml(r)}`).join('<br>')}</div>`
        : '';
      return (
        `<tr><td style="padding:12px 0;border-bottom:1px solid #8884;">` +
        `<a href="${escapeHtml(ctx.links.listing(l.id))}" style="${FONT}font-size:17px;font-weight:600;color:#1565c0;text-decoration:underline;">${escapeHtml(l.title)}</a>` +
        (l.employer
          ? `<div style="${FONT}font-size:15px;margin-top:2px;">${escapeHtml(l.employer)}</div>`
          : '') +
        `<div style="${FONT}font-size:14px;color:#666;margin-top:4px;">${facts}</div>${why}</td></tr>`
      );
    })
    .join('');
  const more = [
    ...s.moreFromEmployer.map(
      (o) =>
        `<a href="${escapeHtml(ctx.links.employer(o.employer))}" style="color:#1565c0;">${o.count} more from ${escapeHtml(o.employer)}</a>`,
    ),
    ...(s.more > 0
      ? [`<a href="${escapeHtml(ctx.links.all)}" style="color:#1565c0;">And ${s.more} more</a>`]
      : []),
  ]
    .map((line) => `<tr><td style="${FONT}font-size:15px;padding:8px 0;">${line}</td></tr>`)
    .join('');
  const earlier =
    ctx.earlier && ctx.earlier.length > 0
      ? `<tr><td style="${FONT}font-size:15px;font-weight:600;padding-top:16px;">Still open from earlier</td></tr>` +
        ctx.earlier
          .map(
            (l) =>
              `<tr><td style="${FONT}font-size:14px;padding:4px 0;"><a href="${escapeHtml(ctx.links.listing(l.id))}" style="color:#1565c0;">${escapeHtml(l.title)}</a>` +
              (l.employer ? ` · ${escapeHtml(l.employer)}` : '') +
              `</td></tr>`,
          )
          .join('')
      : '';
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">` +
    `<title>${escapeHtml(subject)}</title></head><body style="margin:0;padding:0;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center" style="padding:16px;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;">` +
    `<tr><td style="${FONT}font-size:20px;font-weight:700;padding-bottom:8px;">${escapeHtml(subject)}</td></tr>` +
    rows +
    more +
    earlier +
    `<tr><td style="${FONT}font-size:13px;color:#777;padding-top:20px;">You get this ${ctx.frequency} digest because you asked for it on CoderJobs. ` +
    `<a href="${escapeHtml(ctx.links.manage)}" style="color:#1565c0;">Change or stop your digests</a> · ` +
    `<a href="${escapeHtml(ctx.links.unsubscribe)}" style="color:#1565c0;">Unsubscribe</a></td></tr>` +
    `</table></td></tr></table></body></html>`
  );
}
