/** HTTP answers of sign-in and invitations. */
import type { ConferenceRole } from '../programme';

/** `GET /api/auth/me`: who I am, with my roles (`conference` is a slug, null for the platform). */
export interface Me {
  person: { id: string; displayName: string; function: string | null; organisation: string | null; guest: boolean };
  roles: Array<{ conference: string | null; role: ConferenceRole }>;
}

/** `POST /api/auth/redeem` and `POST /api/conferences/:slug/guests` (guests carry `guest: true`). */
export interface SignInResult {
  token: string;
  person: { id: string; displayName: string; guest?: true };
}

/** `POST /api/conferences/:slug/invitations`: the sign-in link for the invited person. */
export interface InvitationAnswer {
  invitationId: string;
  personId: string;
  link: string;
  /** ISO time after which the link no longer signs in. */
  expiresAt: string;
}

/** `POST /api/conferences/:slug/invitations`: a new person with a role (an e-mail address never opens an existing account). */
export interface InvitationRequest {
  displayName: string;
  role: ConferenceRole;
  email?: string;
  function?: string;
  organisation?: string;
}
