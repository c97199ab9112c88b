import { createLogger } from './json-logger';

/** What one call writes to stdout and stderr. */
function written(call: (logger: ReturnType<typeof createLogger>) => void, format: 'json' | 'text'): string {
  const out: string[] = [];
  const spies = [process.stdout, process.stderr].map((s) =>
    jest.spyOn(s, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    }),
  );
  try {
    call(createLogger('log', format));
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return out.join('');
}

describe('the service logger', () => {
  it('masks addresses in messages and fields and withholds bodies (JSON)', () => {
    const line = written(
      (l) => l.log({ message: 'posting from jane.roe@example.com', description: 'secret body' }, 'Test'),
      'json',
    );
    const record = JSON.parse(line) as { message: Record<string, unknown> };
    expect(record.message).toEqual({
      message: 'posting from j***@example.com',
      description: '[11 characters not logged]',
    });
  });

  it('keeps a JSON line valid and short when its fields are huge', () => {
    const fields = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, 'y'.repeat(900)]));
    const line = written((l) => l.warn({ message: 'many fields', ...fields }, 'Test'), 'json').trimEnd();
    expect(line.length).toBeLessThanOrEqual(4096);
    expect(JSON.parse(line)).toMatchObject({ level: 'warn', context: 'Test' });
  });

  it('masks and cuts text lines and stacks', () => {
    const err = new Error(`failed for bob.smith@example.com ${'z'.repeat(10_000)}`);
    const out = written((l) => l.error(err.message, err.stack, 'Test'), 'text');
    expect(out).not.toContain('bob.smith@');
    expect(out).toContain('b***@example.com');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(4096);
  });
});
