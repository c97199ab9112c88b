import { connect, type Socket } from 'node:net';

/** One reply of the server: its code and text (lines of a multi-line reply joined). */
export interface SmtpReply {
  code: number;
  text: string;
}

export interface SmtpTransaction {
  from: string;
  to: string[];
  /** The message (CRLF line ends); sent only when a recipient was accepted. */
  data?: string;
}

/** The replies of one SMTP conversation: the greeting, MAIL FROM, each RCPT TO and DATA's last. */
export interface SmtpConversation {
  greeting: SmtpReply;
  /** The EHLO reply: its lines name the extensions offered (SIZE, STARTTLS...). */
  ehlo: SmtpReply;
  mailFrom: SmtpReply;
  rcptTo: SmtpReply[];
  /** The reply to the message's end, or undefined when no DATA was sent. */
  data?: SmtpReply;
}

/**
 * A raw SMTP client for tests of a receiving server on loopback: says exactly what it is told and
 * keeps every reply code (nodemailer hides refusals of single recipients behind one error).
 */
export async function smtpSend(
  port: number,
  t: SmtpTransaction,
  host = '127.0.0.1',
): Promise<SmtpConversation> {
  const socket = connect(port, host);
  const replies = replyReader(socket);
  try {
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const say = async (line: string) => {
      socket.write(`${line}\r\n`);
      return replies.next();
    };
    const greeting = await replies.next();
    const ehlo = await say('EHLO client.example.org');
    const mailFrom = await say(`MAIL FROM:<${t.from}>`);
    const rcptTo: SmtpReply[] = [];
    for (const to of t.to) rcptTo.push(await say(`RCPT TO:<${to}>`));
    let data: SmtpReply | undefined;
    if (t.data !== undefined && rcptTo.some((r) => r.code === 250)) {
      const go = await say('DATA');
      if (go.code !== 354) throw new Error(`DATA answered ${go.code} ${go.text}`);
      const body = t.data.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
      socket.write(`${body}${body.endsWith('\r\n') ? '' : '\r\n'}.\r\n`);
      data = await replies.next();
    }
    await say('QUIT').catch(() => undefined);
    return { greeting, ehlo, mailFrom, rcptTo, data };
  } finally {
    socket.destroy();
  }
}

function replyReader(socket: Socket): { next(): Promise<SmtpReply> } {
  let buffer = '';
  const ready: SmtpReply[] = [];
  const waiting: Array<{ resolve: (r: SmtpReply) => void; reject: (e: Error) => void }> = [];
  let lines: string[] = [];
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      lines.push(line.slice(4));
      if (line[3] === '-') continue;
      const reply = { code: Number(line.slice(0, 3)), text: lines.join('\n') };
      lines = [];
      const waiter = waiting.shift();
      if (waiter) waiter.resolve(reply);
      else ready.push(reply);
    }
  });
  const fail = (err: Error) => waiting.splice(0).forEach((w) => w.reject(err));
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('connection closed')));
  return {
    next: () => {
      const reply = ready.shift();
      if (reply) return Promise.resolve(reply);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
}
