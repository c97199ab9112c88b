import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { HttpError } from './http-client.types';

// Reads a response body as it streams in, decompressing on the fly, and stops the moment it grows
// past the cap: both the bytes on the wire and the bytes after decompression are counted, so a
// 50 MB download or a small gzip bomb costs at most `maxBytes` of memory. Stopping destroys the
// body stream, which aborts the socket instead of draining the rest.

export interface ReadBodyOptions {
  url: string;
  /** The Content-Encoding header, e.g. "gzip" or "gzip, br" (applied in that order). */
  contentEncoding?: string | null;
  maxBytes: number;
  /** Keep the first `maxBytes` and stop, instead of failing (robots.txt may be truncated per RFC 9309). */
  truncate?: boolean;
  signal?: AbortSignal;
}

/** Thrown inside the pipeline to stop reading once a truncated body is full. */
class BodyFull extends Error {}

export async function readBody(source: Readable, opts: ReadBodyOptions): Promise<Buffer> {
  const { url, maxBytes, truncate = false } = opts;
  const encodings = parseContentEncoding(opts.contentEncoding);
  const chunks: Buffer[] = [];
  let decoded = 0;
  let raw = 0;

  const tooLarge = (what: string): HttpError =>
    new HttpError('TOO_LARGE', `Response from ${url} exceeds the ${maxBytes}-byte limit (${what})`, url);

  async function* countRaw(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of input) {
      raw += chunk.length;
      // Compressed bytes beyond the cap mean the decoded body would be larger still.
      if (raw > maxBytes && !truncate) throw tooLarge('bytes received');
      yield chunk;
    }
  }

  async function collect(input: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of input) {
      const room = maxBytes - decoded;
      if (chunk.length > room) {
        if (!truncate) throw tooLarge(encodings.length > 0 ? 'after decompression' : 'bytes received');
        chunks.push(chunk.subarray(0, room));
        decoded += room;
        throw new BodyFull();
      }
      chunks.push(chunk);
      decoded += chunk.length;
    }
  }

  let decoders: Stage[];
  try {
    decoders = encodings.map((encoding) => decoderFor(encoding, url));
  } catch (err) {
    // Nothing will read this body: free the connection instead of leaving it half-read.
    source.destroy();
    throw err;
  }
  try {
    // Node's pipeline accepts async-generator stages at runtime; its array typing only lists streams.
    const stages = [source, countRaw, ...decoders, collect] as unknown as NodeJS.ReadWriteStream[];
    await pipeline(stages, { signal: opts.signal });
  } catch (err) {
    if (err instanceof BodyFull) return Buffer.concat(chunks, decoded);
    if (err instanceof HttpError) throw err;
    if (isZlibError(err)) {
      // An empty body labelled gzip (seen on some 200s) is not an error worth failing for.
      if (raw === 0) return Buffer.alloc(0);
      throw new HttpError(
        'NETWORK',
        `Could not decode the ${encodings.join(', ')} body from ${url}: ${(err as Error).message}`,
        url,
        undefined,
        { cause: err },
      );
    }
    throw err;
  }
  return Buffer.concat(chunks, decoded);
}

/** Content-Encoding tokens in the order they must be undone (the header lists them as applied). */
export function parseContentEncoding(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '' && token !== 'identity')
    .reverse();
}

type Stage = NodeJS.ReadWriteStream | ((input: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>);

function decoderFor(encoding: string, url: string): Stage {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      return inflateEitherFormat;
    default:
      throw new HttpError(
        'NETWORK',
        `Response from ${url} uses unsupported Content-Encoding "${encoding}"`,
        url,
      );
  }
}

/**
 * "deflate" should be zlib-wrapped (RFC 9110), but some servers send raw deflate. The first two
 * bytes tell them apart: a zlib header has compression method 8 and a checksum divisible by 31.
 */
async function* inflateEitherFormat(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head: Buffer = first.value;
  const zlibWrapped = head.length >= 2 && (head[0] & 0x0f) === 8 && ((head[0] << 8) | head[1]) % 31 === 0;
  const inflater = zlibWrapped ? createInflate() : createInflateRaw();
  async function* replay(): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  // Errors on the feeding side surface through the inflater; the outer pipeline owns the source.
  void pipeline(Readable.from(replay()), inflater).catch((err: unknown) => inflater.destroy(err as Error));
  try {
    yield* inflater as AsyncIterable<Buffer>;
  } finally {
    inflater.destroy();
  }
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('Z_') || code === 'ERR_BUFFER_TOO_LARGE');
}
