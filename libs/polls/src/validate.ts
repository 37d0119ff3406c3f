import { DomainError } from '@podium/contracts';
import { invalid } from './errors';
import { ID_MAX, OPTIONS_MAX } from './rules';
import type { Actor, PollCommand, PollCommandType } from './types';

const FIELDS: Record<PollCommandType, readonly string[]> = { create: ['pollId', 'settings'], open: ['pollId'], close: ['pollId'], vote: ['pollId', 'choices'] };
const SETTINGS = ['question', 'options', 'kind', 'maxChoices', 'anonymous', 'formal', 'eligibleRoles'];

export const POLL_COMMAND_TYPES = Object.keys(FIELDS) as PollCommandType[];

/**
 * A socket payload to a command: unknown fields refused, arrays and ids bounded. `origin` (hall or
 * remote) comes from the edge (hall mode or not), not from the payload. The rules are decide's job.
 */
export function commandFromPayload(type: string, raw: unknown, edge: { actor: Actor; origin: 'hall' | 'remote' }): PollCommand | DomainError {
  if (!(POLL_COMMAND_TYPES as string[]).includes(type)) return invalid('type', 'unknown command');
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return invalid('payload', 'must be an object');
  const allowed = new Set(['sessionId', ...FIELDS[type as PollCommandType]]);
  for (const key of Object.keys(raw)) if (!allowed.has(key)) return invalid(key, 'unknown field');
  const p = raw as Record<string, unknown>;
  if (typeof p.pollId !== 'string' || p.pollId.length > ID_MAX) return invalid('pollId', `must be an id of at most ${ID_MAX} characters`);
  if (type === 'vote' && (!Array.isArray(p.choices) || p.choices.length > OPTIONS_MAX)) return invalid('choices', `a list of at most ${OPTIONS_MAX} option ids`);
  if (type === 'create') {
    if (!p.settings || typeof p.settings !== 'object' || Array.isArray(p.settings)) return invalid('settings', 'must be an object');
    for (const key of Object.keys(p.settings)) if (!SETTINGS.includes(key)) return invalid(`settings.${key}`, 'unknown field');
    const options = (p.settings as { options?: unknown }).options;
    if (Array.isArray(options) && options.some((o) => !o || typeof o !== 'object' || Object.keys(o).some((k) => k !== 'id' && k !== 'label'))) return invalid('settings.options', 'each is { id, label }');
  }
  const { sessionId: _route, ...fields } = p;
  const command = { ...fields, type, actor: edge.actor } as PollCommand;
  return type === 'vote' ? ({ ...command, origin: edge.origin } as PollCommand) : command;
}
