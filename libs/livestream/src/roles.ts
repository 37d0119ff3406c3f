/** Who someone is in a session's LiveKit rooms; decides their grants (see permissions.ts). */
export const LIVESTREAM_ROLES = [
  'attendee',
  'speaker',
  'panelist',
  'moderator',
  'interpreter',
  'captioner',
  'production-desk',
  'organiser',
] as const;
export type LivestreamRole = (typeof LIVESTREAM_ROLES)[number];

export function isLivestreamRole(value: unknown): value is LivestreamRole {
  return typeof value === 'string' && (LIVESTREAM_ROLES as readonly string[]).includes(value);
}
