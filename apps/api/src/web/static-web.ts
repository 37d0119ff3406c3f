import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { cacheControlFor, precompressed } from './compressed-assets';

const API_PREFIXES = ['/api', '/health', '/livekit', '/socket.io', '/signin'];

/** The URL path of a file under dir ('/assets/x.js'), for its caching rule. */
const webPath = (dir: string, file: string) => '/' + relative(dir, file).split(sep).join('/');

/** Serves the built browser client, with index.html for its client-side routes. */
export function serveWebClient(app: NestExpressApplication, dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.use(precompressed(dir));
  app.use(express.static(dir, { index: false, cacheControl: false, setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControlFor(webPath(dir, path))) }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PREFIXES.some((p) => req.path === p || req.path.startsWith(p + '/'))) return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
