// An SMTP sink on loopback in a process of its own, for bench:digests: a real mail server does not
// share the sender's CPU, so the sender's figures should not pay for the server's parsing either.
// Prints {"url": ...} once listening; answers each line on stdin with {"received", "connections"}.
import { createInterface } from 'node:readline';
import { SmtpSink } from '../support/smtp-sink';

async function main(): Promise<void> {
  const sink = await new SmtpSink({ countOnly: true }).start();
  process.stdout.write(`${JSON.stringify({ url: sink.url })}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', () => {
    process.stdout.write(`${JSON.stringify({ received: sink.received, connections: sink.connections })}\n`);
  });
  lines.on('close', () => {
    void sink.stop().finally(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
