import { isAlwaysOnStage } from './permissions';
import type { LivestreamRole } from './roles';

/** Participant attributes the clients read (LiveKit merges attributes per key). */
export type StageAttributes = {
  role: LivestreamRole;
  stage: 'true' | 'false';
  /** Only for interpreters: clients keep the sign-language video on screen. */
  pinned?: 'true';
};

/** `stage` says whether the person is shown on stage (crew that always publishes counts as on stage). */
export function participantAttributes(role: LivestreamRole, onStage: boolean): StageAttributes {
  const attributes: StageAttributes = { role, stage: onStage || isAlwaysOnStage(role) ? 'true' : 'false' };
  if (role === 'interpreter') attributes.pinned = 'true';
  return attributes;
}

/**
 * The update that turns `current` into `desired` under LiveKit's per-key merge: changed keys, and
 * '' for keys to delete. Keys outside `managed` (set by someone else) are left alone. Empty: no-op.
 */
export function attributesPatch(
  current: Readonly<Record<string, string>>,
  desired: Readonly<Record<string, string | undefined>>,
  managed: readonly string[] = ['role', 'stage', 'pinned'],
): Record<string, string> {
  const patch: Record<string, string> = {};
  for (const key of managed) {
    const want = desired[key] ?? '';
    if ((current[key] ?? '') !== want) patch[key] = want;
  }
  return patch;
}
