import { arfMessage, dsnMessage } from '#mail/testing';
import { readInboundReport } from './inbound-report';
import { feedbackType, isPermanentFailure, recipientStatuses, reportFieldGroups } from './report-fields';

const TO = 'bounce+x@coderjobs.example';
const raw = (text: string) => Buffer.from(text);

describe('report fields', () => {
  it('reads groups of fields, folded lines joined, names lowercased, the first of a name kept', () => {
    const groups = reportFieldGroups(
      'Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; a@example.org\r\nACTION: failed\r\n' +
        'Status: 5.1.1\r\nStatus: 2.0.0\r\nDiagnostic-Code: smtp; 550\r\n  user unknown\r\n',
    );
    expect(groups).toHaveLength(2);
    expect(groups[1].get('action')).toBe('failed');
    expect(groups[1].get('status')).toBe('5.1.1');
    expect(groups[1].get('diagnostic-code')).toBe('smtp; 550 user unknown');
  });

  it('calls a DSN permanent only for a failed recipient with a 5.x.x status', () => {
    const dsn = (action: string, status: string) =>
      recipientStatuses(
        `Reporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; a@b.example\nAction: ${action}\nStatus: ${status}\n`,
      );
    expect(dsn('failed', '5.1.1')).toEqual([{ action: 'failed', status: '5.1.1' }]);
    expect(isPermanentFailure(dsn('failed', '5.1.1'))).toBe(true);
    expect(isPermanentFailure(dsn('Failed (bad mailbox)', '5.2.1 (mailbox full)'))).toBe(true);
    expect(isPermanentFailure(dsn('delayed', '4.2.2'))).toBe(false);
    expect(isPermanentFailure(dsn('failed', '4.4.7'))).toBe(false);
    expect(isPermanentFailure(dsn('delivered', '2.0.0'))).toBe(false);
    expect(isPermanentFailure(dsn('failed', 'nonsense'))).toBe(false);
    expect(isPermanentFailure(recipientStatuses('Reporting-MTA: dns; mx\n'))).toBe(false);
  });

  it('reads the feedback type of an ARF report', () => {
    expect(feedbackType('Feedback-Type: Abuse\nVersion: 1\n')).toBe('abuse');
    expect(feedbackType('Version: 1\n')).toBe('');
  });
});

describe('readInboundReport', () => {
  it('reads a permanent failure, a delay and a temporary failure', async () => {
    const report = (action: 'failed' | 'delayed', status: string) =>
      readInboundReport(raw(dsnMessage({ to: TO, recipient: 'gone@example.org', action, status })));
    expect(await report('failed', '5.1.1')).toEqual({ kind: 'hard-bounce', detail: '5.1.1' });
    expect(await report('delayed', '4.2.2')).toEqual({ kind: 'soft-bounce', detail: '4.2.2' });
    expect(await report('failed', '4.4.7')).toEqual({ kind: 'soft-bounce', detail: '4.4.7' });
  });

  it('reads an ARF abuse report as a complaint, and not-spam as nothing', async () => {
    expect(await readInboundReport(raw(arfMessage({ to: TO, recipient: 'maria@example.org' })))).toEqual({
      kind: 'complaint',
      detail: 'abuse',
    });
    const quoting = arfMessage({
      to: TO,
      recipient: 'maria@example.org',
      returnPath: 'bounce+abc@x.example',
    });
    expect(await readInboundReport(raw(quoting))).toEqual({
      kind: 'complaint',
      detail: 'abuse',
      originalReturnPath: 'bounce+abc@x.example',
    });
    const notSpam = arfMessage({ to: TO, recipient: 'maria@example.org', feedbackType: 'not-spam' });
    expect((await readInboundReport(raw(notSpam))).kind).toBe('other');
  });

  it('takes anything that is not a report (an auto-reply, a plain-text bounce) as nothing', async () => {
    const autoReply = 'From: maria@example.org\r\nSubject: Out of office\r\n\r\nI am away until Monday.\r\n';
    expect((await readInboundReport(raw(autoReply))).kind).toBe('other');
    const reportWithoutStatus = dsnMessage({
      to: TO,
      recipient: 'a@b.example',
      action: 'failed',
      status: '5.1.1',
    }).replace('message/delivery-status', 'text/plain');
    expect((await readInboundReport(raw(reportWithoutStatus))).kind).toBe('other');
  });

  it('takes a message too intricate to read (too many parts) as nothing rather than failing', async () => {
    const parts = Array.from(
      { length: 60 },
      (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`,
    );
    const intricate = `Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n${parts.join('')}--b--\r\n`;
    expect(await readInboundReport(raw(intricate))).toEqual({ kind: 'other', detail: 'unreadable' });
  });
});
