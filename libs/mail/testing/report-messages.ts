// Reports as receiving servers send them, for tests of the inbound mailbox: a delivery status
// notification (RFC 3464) and an abuse report (RFC 5965, ARF), each quoting the original's headers.

export interface DsnOptions {
  /** The envelope recipient: the VERP address the report goes back to. */
  to: string;
  /** The recipient that failed. */
  recipient: string;
  action: 'failed' | 'delayed' | 'delivered';
  /** e.g. 5.1.1 or 4.2.2 */
  status: string;
  /** The original's Message-ID (angle brackets included). */
  messageId?: string;
}

export function dsnMessage(o: DsnOptions): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
    `To: ${o.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Sun, 06 Dec 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status;',
    '\tboundary="dsn-boundary"',
    '',
    '--dsn-boundary',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    o.action === 'delayed'
      ? 'Your message has not been delivered yet. The mail system will keep trying.'
      : 'Your message could not be delivered to one or more recipients.',
    '',
    '--dsn-boundary',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.org',
    'Arrival-Date: Sun, 06 Dec 2026 09:59:58 +0000',
    '',
    `Final-Recipient: rfc822; ${o.recipient}`,
    `Original-Recipient: rfc822;${o.recipient}`,
    `Action: ${o.action}`,
    `Status: ${o.status}`,
    `Diagnostic-Code: smtp; ${o.status.startsWith('5') ? '550' : '451'} ${o.status} <${o.recipient}>:`,
    '    Recipient address rejected',
    '',
    '--dsn-boundary',
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${o.messageId ?? '<digest.1@coderjobs.example>'}`,
    'Subject: 6 new remote CPC jobs',
    '',
    '--dsn-boundary--',
    '',
  ].join('\r\n');
}

export interface ArfOptions {
  to: string;
  recipient: string;
  feedbackType?: string;
  /** The envelope sender of the original as the receiving mailbox recorded it. */
  returnPath?: string;
}

export function arfMessage(o: ArfOptions): string {
  return [
    'From: Feedback Loop <fbl@isp.example>',
    `To: ${o.to}`,
    'Subject: Abuse report',
    'Date: Sun, 06 Dec 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="arf-boundary"',
    '',
    '--arf-boundary',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is an e-mail abuse report for a message received from your address.',
    '',
    '--arf-boundary',
    'Content-Type: message/feedback-report',
    '',
    `Feedback-Type: ${o.feedbackType ?? 'abuse'}`,
    'User-Agent: ExampleFBL/1.0',
    'Version: 1',
    `Original-Rcpt-To: ${o.recipient}`,
    '',
    '--arf-boundary',
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    '',
    ...(o.returnPath ? [`Return-Path: <${o.returnPath}>`] : []),
    'From: CoderJobs <no-reply@coderjobs.localhost>',
    `To: ${o.recipient}`,
    'Subject: 6 new remote CPC jobs',
    '',
    'The digest.',
    '',
    '--arf-boundary--',
    '',
  ].join('\r\n');
}
