import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { ImportRefusal } from '@podium/contracts';
import { MAX_JSON_DEPTH } from '../common/json-depth';

/** The refusal the error filter adds as `details.refusal` to a body parser's error (whose answer stays as it was). */
export type WithImportRefusal = { importRefusal?: ImportRefusal };

function refusalOf(parser: { type?: string; limit?: unknown }): ImportRefusal | undefined {
  if (parser.type === 'entity.too.large') return { code: 'BODY_TOO_LARGE', params: { maxBytes: typeof parser.limit === 'number' ? parser.limit : 0 } };
  if (parser.type === 'entity.parse.failed') return { code: 'BODY_NOT_JSON', params: {} };
  if (parser.type === 'entity.too.deep') return { code: 'BODY_TOO_DEEP', params: { max: MAX_JSON_DEPTH } };
  return undefined;
}

/**
 * Express error hook behind the body parsers of `POST /api/conferences/import`: a body refused before the
 * importer sees it (too large, not JSON, nested too deeply) gets a refusal code the web words in German too;
 * status and English message stay those of every other route.
 */
export function importBodyRefusal(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const refusal = typeof error === 'object' && error !== null ? refusalOf(error) : undefined;
  if (!refusal) return next(error);
  // Nest answers a parser's SyntaxError as a new BadRequestException of its message (routes-resolver); so do we, with the refusal.
  const answered = error instanceof SyntaxError ? new BadRequestException(error.message) : (error as object);
  next(Object.assign(answered, { importRefusal: refusal } satisfies WithImportRefusal));
}
