/** Longest `next` path a sign-in link may carry; longer ones fall back to the start page. */
const MAX_NEXT = 512;

/**
 * Where a sign-in link continues: a path on this site only (`/c/buko-2020/s/…`), never another origin
 * (`//evil.example`, `/\evil.example`, `https://…`) nor the api or the sign-in route itself; anything else is `/`.
 */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_NEXT) return '/';
  // Printable ASCII without backslash: browsers read `\` as `/`, and control characters are dropped by URL parsers.
  if (!/^\/[\x21-\x5b\x5d-\x7e]*$/.test(raw) || raw.startsWith('//')) return '/';
  if (/^\/(api|signin)(\/|$|\?|#)/.test(raw)) return '/';
  return raw;
}
