import { ApiError, request } from '../../api/http';
import type { SessionPlacement } from '@podium/contracts';

/** Registrations of one session, for the live capacity check (read when a move starts). */
export async function loadRegistrations(sessionId: string): Promise<number> {
  const details = await request<{ registrations: { count: number } }>('GET', `/api/sessions/${encodeURIComponent(sessionId)}`);
  return details.registrations.count;
}

export interface StaleRefusal {
  changed: Array<keyof SessionPlacement>;
  current: SessionPlacement;
}

/** The api's "someone moved it meanwhile" (409 STALE_VERSION): what changed and where it is now. */
export function staleOf(error: unknown): StaleRefusal | null {
  if (!(error instanceof ApiError) || error.code !== 'STALE_VERSION' || !error.details) return null;
  const { changed, current } = error.details as Partial<StaleRefusal>;
  return Array.isArray(changed) && current ? { changed, current } : null;
}
