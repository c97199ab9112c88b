import { Readable } from 'node:stream';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { HttpError } from './http-client.types';
import { parseContentEncoding, readBody } from './read-body';

const URL = 'https://jobs.example.org/feed';
const chunked = (buf: Buffer, size = 1_000) => {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
};

describe('readBody', () => {
  const text = Buffer.from('Medical coder, CPC, remote. '.repeat(500));

  it('reads a plain body', async () => {
    expect(await readBody(chunked(text), { url: URL, maxBytes: 1e6 })).toEqual(text);
  });

  it.each([
    ['gzip', gzipSync(text)],
    ['deflate', deflateSync(text)],
    ['deflate', deflateRawSync(text)],
    ['br', brotliCompressSync(text)],
  ])('decodes %s', async (encoding, compressed) => {
    expect(
      await readBody(chunked(compressed, 100), { url: URL, contentEncoding: encoding, maxBytes: 1e6 }),
    ).toEqual(text);
  });

  it('undoes stacked encodings in reverse order', async () => {
    const twice = brotliCompressSync(gzipSync(text));
    expect(await readBody(chunked(twice), { url: URL, contentEncoding: 'gzip, br', maxBytes: 1e6 })).toEqual(
      text,
    );
  });

  it('fails with TOO_LARGE past the cap, before or after decompression', async () => {
    await expect(readBody(chunked(text), { url: URL, maxBytes: 100 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
    const small = gzipSync(text);
    expect(small.length).toBeLessThan(1_000);
    await expect(
      readBody(chunked(small), { url: URL, contentEncoding: 'gzip', maxBytes: 1_000 }),
    ).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('after decompression') });
  });

  it('keeps the first maxBytes when truncating', async () => {
    const body = await readBody(chunked(text), { url: URL, maxBytes: 2_500, truncate: true });
    expect(body).toEqual(text.subarray(0, 2_500));
  });

  it('destroys the source when it stops early', async () => {
    const source = chunked(text);
    await expect(readBody(source, { url: URL, maxBytes: 100 })).rejects.toBeInstanceOf(HttpError);
    expect(source.destroyed).toBe(true);
  });

  it('reports a corrupt gzip body naming the URL', async () => {
    const err = await readBody(chunked(Buffer.from('not gzip at all')), {
      url: URL,
      contentEncoding: 'gzip',
      maxBytes: 1e6,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NETWORK', message: expect.stringContaining(URL) });
  });

  it('accepts an empty body labelled gzip', async () => {
    expect(await readBody(Readable.from([]), { url: URL, contentEncoding: 'gzip', maxBytes: 10 })).toEqual(
      Buffer.alloc(0),
    );
  });

  it('rejects an encoding it did not ask for, releasing the source', async () => {
    const source = chunked(text);
    await expect(
      readBody(source, { url: URL, contentEncoding: 'compress', maxBytes: 1e6 }),
    ).rejects.toMatchObject({ code: 'NETWORK', message: expect.stringContaining('compress') });
    expect(source.destroyed).toBe(true);
  });
});

describe('parseContentEncoding', () => {
  it('lists encodings to undo, last applied first, ignoring identity', () => {
    expect(parseContentEncoding('gzip, br')).toEqual(['br', 'gzip']);
    expect(parseContentEncoding(' GZIP ')).toEqual(['gzip']);
    expect(parseContentEncoding('identity')).toEqual([]);
    expect(parseContentEncoding(undefined)).toEqual([]);
  });
});
