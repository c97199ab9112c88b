import { simpleParser } from 'mailparser';
import { feedbackType, isPermanentFailure, recipientStatuses, reportFieldGroups } from './report-fields';

/**
 * What a mail that came back to a message's envelope sender says about its recipient:
 * - `hard-bounce`: a delivery status notification (RFC 3464) with a permanent failure (failed, 5.x.x);
 * - `soft-bounce`: a notification of a delay or a temporary failure (4.x.x): nothing to do;
 * - `complaint`: a feedback report (RFC 5965, ARF) other than `not-spam`;
 * - `other`: anything else (an auto-reply, a human answering the envelope sender): nothing to do.
 */
export type InboundReportKind = 'hard-bounce' | 'soft-bounce' | 'complaint' | 'other';

export interface InboundReport {
  kind: InboundReportKind;
  /** The first status code of a DSN, or the feedback type of a complaint, for the logs. */
  detail: string;
  /**
   * The Return-Path of the original the report quotes (its envelope sender), when there is one: it
   * names the digest a complaint sent to a feedback-loop address is about.
   */
  originalReturnPath?: string;
}

const ORIGINAL = new Set([
  'message/rfc822',
  'text/rfc822-headers',
  'message/global',
  'message/global-headers',
]);

const DELIVERY_STATUS = new Set(['message/delivery-status', 'message/global-delivery-status']);

/** Only the structure and the report parts: no text conversions, no embedded messages, few parts. */
const PARSER_OPTIONS = {
  keepDeliveryStatus: true,
  ignoreEmbedded: true,
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  checksumAlgo: false,
  maxChildNodes: 50,
} as const;

/** The decoded Subject of a received message ('' when it has none or cannot be read). */
export async function readSubject(raw: Buffer): Promise<string> {
  try {
    return (await simpleParser(raw, PARSER_OPTIONS)).subject ?? '';
  } catch {
    return '';
  }
}

/**
 * Reads a received message as a report (multipart/report with a delivery-status or feedback-report
 * part). Only the report parts are looked at: bodies and quoted originals are never parsed into text.
 */
export async function readInboundReport(raw: Buffer): Promise<InboundReport> {
  let parsed: Awaited<ReturnType<typeof simpleParser>>;
  try {
    parsed = await simpleParser(raw, PARSER_OPTIONS);
  } catch {
    // Malformed beyond reading (or too many parts): not a report we can act on, and retrying the
    // same bytes would not change that.
    return { kind: 'other', detail: 'unreadable' };
  }
  const contentType = parsed.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  if (contentType?.value?.toLowerCase() !== 'multipart/report') return { kind: 'other', detail: '' };
  const reportType = (contentType.params?.['report-type'] ?? '').toLowerCase();
  const part = (types: Set<string>) =>
    parsed.attachments.find((a) => types.has(a.contentType.toLowerCase()))?.content.toString('utf8');

  if (reportType === 'delivery-status' || reportType === 'global-delivery-status') {
    const body = part(DELIVERY_STATUS);
    if (body === undefined) return { kind: 'other', detail: '' };
    const statuses = recipientStatuses(body);
    const permanent = isPermanentFailure(statuses);
    const detail = (permanent ? statuses.find((s) => s.status.startsWith('5.')) : statuses[0])?.status ?? '';
    return { kind: permanent ? 'hard-bounce' : 'soft-bounce', detail };
  }
  if (reportType === 'feedback-report') {
    const body = part(new Set(['message/feedback-report']));
    if (body === undefined) return { kind: 'other', detail: '' };
    const type = feedbackType(body);
    if (type === 'not-spam') return { kind: 'other', detail: type };
    const original = part(ORIGINAL);
    const returnPath = original ? reportFieldGroups(original, 1)[0]?.get('return-path') : undefined;
    const address = returnPath?.replace(/^<|>$/g, '').trim();
    return {
      kind: 'complaint',
      detail: type || 'abuse',
      ...(address ? { originalReturnPath: address } : {}),
    };
  }
  return { kind: 'other', detail: '' };
}
