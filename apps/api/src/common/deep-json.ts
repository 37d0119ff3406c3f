import { jsonTextTooDeep, MAX_JSON_DEPTH } from './json-depth';

/** body-parser `verify` hook: a body nested deeper than MAX_JSON_DEPTH is refused (400 VALIDATION) before it is parsed. */
export function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer): void {
  if (jsonTextTooDeep(body)) {
    throw Object.assign(new Error(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
  }
}
