import { attributesPatch, participantAttributes } from './attributes';
import { samePermission, stagePermission, type StagePermission } from './permissions';
import { isLivestreamRole, type LivestreamRole } from './roles';

/** A participant as LiveKit reports it (map its permission with fromParticipantPermission). */
export interface ActualParticipant {
  identity: string;
  permission: Omit<StagePermission, 'roomAdmin'>;
  /** Carries `role`, set from our token at join. */
  attributes: Readonly<Record<string, string>>;
}

export interface StageUpdate {
  identity: string;
  role: LivestreamRole;
  onStage: boolean;
  /** promote/demote: publishing switches on/off; repair: any other difference. */
  change: 'promote' | 'demote' | 'repair';
  /** Always the full object: updateParticipant replaces the whole permission. */
  permission: StagePermission;
  /** Merge patch ('' deletes a key); may be empty. */
  attributes: Record<string, string>;
}

export interface StageDrift {
  /** Demotions first (free the stage), then repairs, then promotions. */
  updates: StageUpdate[];
  /** Should be on stage but not connected: tell the moderator, nothing to update. */
  absent: string[];
  /** In the room without a Podium role attribute (egress, agents, foreign tokens): left to the caller. */
  unknown: string[];
}

const ORDER: Record<StageUpdate['change'], number> = { demote: 0, repair: 1, promote: 2 };

/**
 * Our database says who should be on stage (`desired`, identity -> onStage; missing means off stage);
 * LiveKit says what everyone may do. Returns the updates that make LiveKit match the database.
 */
export function computeStageDrift(desired: ReadonlyMap<string, boolean>, actual: readonly ActualParticipant[]): StageDrift {
  const updates: StageUpdate[] = [];
  const unknown: string[] = [];
  for (const p of actual) {
    const role = p.attributes.role;
    if (!isLivestreamRole(role)) {
      unknown.push(p.identity);
      continue;
    }
    const onStage = desired.get(p.identity) ?? false;
    const permission = stagePermission(role, onStage);
    const attributes = attributesPatch(p.attributes, participantAttributes(role, onStage));
    const change: StageUpdate['change'] | null =
      permission.canPublish && !p.permission.canPublish
        ? 'promote'
        : !permission.canPublish && p.permission.canPublish
          ? 'demote'
          : !samePermission(permission, p.permission) || Object.keys(attributes).length > 0
            ? 'repair'
            : null;
    if (change) updates.push({ identity: p.identity, role, onStage, change, permission, attributes });
  }
  const present = new Set(actual.map((p) => p.identity));
  const absent = [...desired].filter(([id, on]) => on && !present.has(id)).map(([id]) => id);
  updates.sort((a, b) => ORDER[a.change] - ORDER[b.change] || a.identity.localeCompare(b.identity));
  return { updates, absent: absent.sort(), unknown: unknown.sort() };
}
