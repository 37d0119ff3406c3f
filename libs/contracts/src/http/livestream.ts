/** HTTP answers of the livestream moderation that are not in ../livestream (join, stage, bans, attendance). */

/** `GET|POST /api/sessions/:id/lock`. */
export interface LockState {
  locked: boolean;
}

/** `POST /api/sessions/:id/participants/:personId/mute`. */
export interface MuteAnswer {
  trackSid: string;
  muted: boolean;
}

/** `DELETE /api/sessions/:id/participants/:personId`: `pending` when LiveKit could not be told yet. */
export interface RemovalAnswer {
  personId: string;
  banned: true;
  disconnected: number;
  pending: boolean;
}

/** `DELETE /api/sessions/:id/bans/:personId`. */
export interface UnbanAnswer {
  personId: string;
  banned: false;
}
