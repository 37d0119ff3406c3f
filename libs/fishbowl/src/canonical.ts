/**
 * The same content as the same JSON text: every object's keys sorted (UTF-16 code units, as RFC 8785), at every depth,
 * whatever order the events, the database (jsonb reorders keys) or a spread produced them in.
 * Arrays keep their order (it means something). Only plain JSON data goes in.
 */
export function canonical<T>(value: T): T {
  if (Array.isArray(value)) return value.map(canonical) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    // JSON.stringify drops undefined members anyway; dropping them here keeps the two in step.
    if (v !== undefined) out[key] = canonical(v);
  }
  return out as T;
}
