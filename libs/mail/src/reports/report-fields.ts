// RFC 3464 delivery-status and RFC 5965 feedback-report bodies are header-like fields in groups
// separated by blank lines (a DSN: one group about the message, then one per recipient). Pure.

/** A report body's groups of fields, names lowercased, folded lines joined, at most `maxGroups`. */
export function reportFieldGroups(body: string, maxGroups = 100): Array<Map<string, string>> {
  const groups: Array<Map<string, string>> = [];
  for (const block of body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    if (groups.length >= maxGroups) break;
    const fields = new Map<string, string>();
    for (const line of block.replace(/\n[ \t]+/g, ' ').split('\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      // The first occurrence of a field counts (as for a message's own headers).
      if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
    }
    if (fields.size > 0) groups.push(fields);
  }
  return groups;
}

/** One recipient's lines of a delivery status notification. */
export interface RecipientStatus {
  /** failed, delayed, delivered, relayed or expanded (lowercased). */
  action: string;
  /** The enhanced status code, e.g. 5.1.1 ('' when missing or malformed). */
  status: string;
}

const STATUS = /^([245])\.\d{1,3}\.\d{1,3}\b/;

/** The per-recipient parts of a message/delivery-status body. */
export function recipientStatuses(body: string): RecipientStatus[] {
  return reportFieldGroups(body)
    .filter((g) => g.has('action') || g.has('final-recipient'))
    .map((g) => ({
      action: (g.get('action') ?? '').toLowerCase().split(/[\s(;]/, 1)[0],
      status: STATUS.exec(g.get('status') ?? '')?.[0] ?? '',
    }));
}

/** A permanent failure: a recipient the server gave up on with a 5.x.x status. */
export function isPermanentFailure(statuses: RecipientStatus[]): boolean {
  return statuses.some((s) => s.action === 'failed' && s.status.startsWith('5.'));
}

/** The Feedback-Type of a message/feedback-report body (lowercased; '' when missing). */
export function feedbackType(body: string): string {
  const first = reportFieldGroups(body, 1)[0];
  return (first?.get('feedback-type') ?? '').toLowerCase();
}
