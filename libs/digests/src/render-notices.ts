/** The confirmation and "still want these?" mails: plain text and simple HTML. */
export interface NoticeMail {
  subject: string;
  text: string;
  html: string;
}

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const FONT = 'font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:16px;';

function html(title: string, paragraphs: string[], button: { href: string; label: string }): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark">` +
    `<title>${esc(title)}</title></head><body style="margin:0;padding:16px;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;">` +
    paragraphs.map((p) => `<tr><td style="${FONT}padding:6px 0;">${esc(p)}</td></tr>`).join('') +
    `<tr><td style="${FONT}padding:12px 0;"><a href="${esc(button.href)}" style="color:#1565c0;font-weight:600;">${esc(button.label)}</a></td></tr>` +
    `</table></body></html>`
  );
}

/** "Confirm your CoderJobs digest": the double opt-in mail. */
export function renderConfirmation(what: string, confirmUrl: string, hours: number): NoticeMail {
  const subject = 'Confirm your CoderJobs job digest';
  const lines = [
    `Someone (we hope you) asked for an e-mail digest of ${what} on CoderJobs.`,
    `To start receiving it, confirm within ${hours} hours. If it was not you, ignore this mail: nothing will be sent.`,
  ];
  return {
    subject,
    text: [...lines, '', `Confirm: ${confirmUrl}`].join('\n'),
    html: html(subject, lines, { href: confirmUrl, label: 'Confirm my digest' }),
  };
}

/** After 12 months without a sign of life: keep it or it stops. */
export function renderReconfirm(what: string, manageUrl: string, days: number): NoticeMail {
  const subject = 'Do you still want your CoderJobs job digest?';
  const lines = [
    `You have been receiving a digest of ${what} for a year without visiting its links.`,
    `Open your digest settings within ${days} days to keep it; otherwise it stops and we will not write again.`,
  ];
  return {
    subject,
    text: [...lines, '', `Keep it: ${manageUrl}`].join('\n'),
    html: html(subject, lines, { href: manageUrl, label: 'Keep my digest' }),
  };
}
