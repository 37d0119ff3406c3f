/** Invitation links carry a random secret; only its hash is stored. Rules, not crypto calls. */
export const INVITATION_TOKEN_BYTES = 32;
/** base64url of 32 bytes is 43 characters. */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface InvitationState {
  expiresAt: Date;
  revokedAt: Date | null;
}

export type InvitationProblem = 'expired' | 'revoked' | null;

export function invitationProblem(invitation: InvitationState, now: Date): InvitationProblem {
  if (invitation.revokedAt !== null) return 'revoked';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}
