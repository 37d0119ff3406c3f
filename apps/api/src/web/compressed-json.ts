import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';

/** Below this a response fits a packet or two: compressing it saves nothing worth the CPU. */
export const MIN_COMPRESSED_BYTES = 1024;
/** Fast settings: the programme (~24 kB) takes about a millisecond; static files use the slow, small twins. */
const BROTLI_QUALITY = 4;
const GZIP_LEVEL = 6;

/**
 * Compresses the api's JSON answers of at least 1 KiB (the programme, session lists, views) with
 * brotli or gzip, as the request accepts (brotli first). Only JSON: CSV and calendar downloads keep
 * their bytes, and an already encoded body is left alone.
 */
export function compressedJson() {
  return (req: Request, res: Response, next: NextFunction) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.isBuffer(body) ? body : null;
      if (!bytes || bytes.length < MIN_COMPRESSED_BYTES || !/json/i.test(type) || res.getHeader('Content-Encoding')) return send(body);
      res.vary('Accept-Encoding');
      // Brotli whenever it is acceptable at all (smaller), else gzip.
      const encoding = req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip');
      if (encoding !== 'br' && encoding !== 'gzip') return send(body);
      const packed =
        encoding === 'br'
          ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
          : gzipSync(bytes, { level: GZIP_LEVEL });
      res.setHeader('Content-Encoding', encoding);
      res.removeHeader('Content-Length');
      return send(packed);
    };
    next();
  };
}
