import { Readable, pipeline, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

// Reads a response body through its Content-Encoding with a byte limit on both sides of the
// decompression, counted while streaming: a 50 MB body stops at the limit, and so does a
// gzip bomb (a few kB that inflate to gigabytes), without ever holding more than the limit.

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the body is larger than the ${limitBytes}-byte limit`);
    this.name = 'BodyTooLargeError';
  }
}

export class ContentEncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentEncodingError';
  }
}

type ChunkTransform = (chunks: AsyncIterable<Buffer>) => AsyncIterable<Buffer>;

export const SUPPORTED_CONTENT_ENCODINGS = 'gzip, deflate, br';

const DECODERS: Readonly<Record<string, ChunkTransform>> = {
  gzip: zlibDecoder('gzip', () => createGunzip()),
  'x-gzip': zlibDecoder('gzip', () => createGunzip()),
  // RFC 9110 "deflate" is zlib-wrapped; some servers send raw deflate, as browsers tolerate.
  deflate: zlibDecoder('deflate', (firstChunk) => (hasZlibHeader(firstChunk) ? createInflate() : createInflateRaw())),
  br: zlibDecoder('brotli', () => createBrotliDecompress()),
};

export async function readDecodedBody(
  body: AsyncIterable<Buffer>,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<Buffer> {
  let chunks: AsyncIterable<Buffer> = capped(body, maxBytes);
  // Encodings are listed in the order they were applied, so they are undone from the last.
  for (const decode of contentDecoders(contentEncoding).reverse()) chunks = decode(chunks);
  const collected: Buffer[] = [];
  for await (const chunk of capped(chunks, maxBytes)) collected.push(chunk);
  return Buffer.concat(collected);
}

function contentDecoders(contentEncoding: string | undefined): ChunkTransform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.map((coding) => {
    if (!Object.hasOwn(DECODERS, coding)) throw new ContentEncodingError(`unsupported Content-Encoding "${coding}"`);
    return DECODERS[coding];
  });
}

async function* capped(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new BodyTooLargeError(maxBytes);
    yield chunk;
  }
}

function zlibDecoder(name: string, createDecoder: (firstChunk: Buffer) => Transform): ChunkTransform {
  return async function* decode(chunks) {
    const upstream = chunks[Symbol.asyncIterator]();
    const first = await upstream.next();
    if (first.done) return; // an empty body stays empty, whatever encoding it claims
    let upstreamError: unknown;
    async function* all(): AsyncGenerator<Buffer> {
      yield first.value;
      try {
        for (let next = await upstream.next(); !next.done; next = await upstream.next()) yield next.value;
      } catch (error) {
        upstreamError = error;
        throw error;
      }
    }
    const decoder = createDecoder(first.value);
    // Errors reach the consumer through the decoder's iterator; the callback only completes the contract.
    pipeline(Readable.from(all()), decoder, () => {});
    try {
      yield* decoder;
    } catch (error) {
      if (error === upstreamError) throw error;
      throw new ContentEncodingError(`the ${name} body is corrupt or truncated (${(error as Error).message})`);
    }
  };
}

// A zlib stream starts with a compression-method byte and a check byte making the pair a multiple of 31.
function hasZlibHeader(chunk: Buffer): boolean {
  return chunk.length < 2 || ((chunk[0] & 0x0f) === 8 && ((chunk[0] << 8) | chunk[1]) % 31 === 0);
}
