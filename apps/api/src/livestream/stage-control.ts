/**
 * Who may publish on a session's stage. The fishbowl (and moderators) say who should be on stage;
 * the livestream module records that as the desired state and makes LiveKit follow it (and its
 * reconciler repairs drift). Implemented by the livestream module; injected by token class.
 */
export abstract class StageControl {
  /** Put a person on stage (publish camera and microphone) or take them off (their tracks are unpublished). */
  abstract setOnStage(sessionId: string, personId: string, onStage: boolean): Promise<void>;
}
