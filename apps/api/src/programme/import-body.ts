import type { NextFunction, Request, Response } from 'express';
import { importRefusal } from '@podium/programme';
import { MAX_JSON_DEPTH } from '../common/json-depth';

/**
 * Express error hook behind the body parsers of `POST /api/conferences/import`: a body refused before the
 * importer sees it (too large, not JSON, nested too deeply) becomes a refusal with a code the web can
 * word in German too; the English message is the one every other route answers with.
 */
export function importBodyRefusal(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const parser = error as { type?: string; limit?: unknown };
  if (parser?.type === 'entity.too.large') return next(importRefusal('BODY_TOO_LARGE', { maxBytes: typeof parser.limit === 'number' ? parser.limit : 0 }, {}));
  if (parser?.type === 'entity.parse.failed') return next(importRefusal('BODY_NOT_JSON', {}, {}));
  if (parser?.type === 'entity.too.deep') return next(importRefusal('BODY_TOO_DEEP', { max: MAX_JSON_DEPTH }, {}));
  next(error);
}
