/** HTTP answers for operations. */

/** `GET /health` (503 with the same body when degraded), as the browser reads it. */
export interface Health {
  status: 'ok' | 'degraded';
  livekit: { status: 'up' | 'down' | 'disabled' };
  media: 'available' | 'unavailable';
}
