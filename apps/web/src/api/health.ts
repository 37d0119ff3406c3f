import { get } from './http';

export interface Health {
  status: 'ok' | 'degraded';
  livekit: { status: 'up' | 'down' | 'disabled' };
  media: 'available' | 'unavailable';
}

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
