import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';

/** The SMTP sink of smtp-sink-process.ts, run in a child process; its counts asked over stdin. */
export class RemoteSink {
  url = '';
  private child!: ChildProcess;
  private lines!: Interface;
  private waiting: Array<(line: string) => void> = [];

  async start(): Promise<this> {
    this.child = spawn(process.execPath, [join(__dirname, 'smtp-sink-process.js')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.lines = createInterface({ input: this.child.stdout as NodeJS.ReadableStream });
    this.lines.on('line', (line) => this.waiting.shift()?.(line));
    this.url = (JSON.parse(await this.nextLine()) as { url: string }).url;
    return this;
  }

  private nextLine(): Promise<string> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async counts(): Promise<{ received: number; connections: number }> {
    const answer = this.nextLine();
    this.child.stdin?.write('stats\n');
    return JSON.parse(await answer) as { received: number; connections: number };
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin?.end();
    await exited;
  }
}
