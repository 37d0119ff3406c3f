import type { Health } from '@podium/contracts';
import { get } from './http';

export type { Health };

/** `/health` answers 503 when degraded but still with the body, so read it either way. */
export async function fetchHealth(): Promise<Health | null> {
  try {
    const res = await fetch('/health', { headers: { accept: 'application/json' } });
    return (await res.json()) as Health;
  } catch {
    return null;
  }
}
export { get };
