import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Files worth compressing (text); images and fonts are compressed already. */
export const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.map', '.txt']);

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Vite names files in /assets by content hash: they never change, so browsers may keep them for a year. */
export function cacheControlFor(urlPath: string): string {
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (urlPath.endsWith('.html')) return 'no-cache';
  return 'public, max-age=3600';
}

/**
 * Serves the `.br`/`.gz` twin that the web build wrote next to a file when the browser accepts it
 * (brotli first), with the original's type; anything else falls through to express.static.
 */
export function precompressed(dir: string) {
  const root = normalize(dir + sep);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const ext = extname(req.path);
    if (!COMPRESSIBLE.has(ext)) return next();
    let file: string;
    try {
      file = normalize(join(root, decodeURIComponent(req.path)));
    } catch {
      return next();
    }
    if (!file.startsWith(root)) return next();
    res.vary('Accept-Encoding');
    const accepted = req.acceptsEncodings(ENCODINGS.map((e) => e.name));
    const encoding = ENCODINGS.find((e) => e.name === accepted);
    if (!encoding || !existsSync(file + encoding.suffix)) return next();
    res.setHeader('Content-Type', TYPES[ext]);
    res.setHeader('Content-Encoding', encoding.name);
    res.setHeader('Cache-Control', cacheControlFor(req.path));
    // A byte range of the compressed twin means nothing to the browser: whole files only.
    res.sendFile(file + encoding.suffix, { acceptRanges: false, cacheControl: false, dotfiles: 'deny' }, (error) => {
      if (!error || res.headersSent) return;
      res.removeHeader('Content-Encoding');
      res.removeHeader('Content-Type');
      next();
    });
  };
}
