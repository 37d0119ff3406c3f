import { DomainError } from '@podium/contracts';
import { conflict, forbidden, invalid, notFound } from './errors';
import { evolve } from './evolve';
import { ELIGIBLE_ROLE_CHOICES, isId, isModeratorRole, normaliseLine, OPTION_LABEL_MAX, OPTIONS_MAX, OPTIONS_MIN, QUESTION_MAX } from './rules';
import type { PollCommand, PollEvent, PollSettings, PollsState } from './types';

type Result = PollEvent[] | DomainError;

/**
 * Checks a command and returns its events or a DomainError. Casting the same ballot again is no event
 * ([]): a retry counts once. Ordinary polls allow changing a vote while open; a formal vote is final.
 */
export function decide(state: PollsState, command: PollCommand, now: number): Result {
  if (!Number.isFinite(now)) return invalid('now', 'must be a finite epoch millisecond value');
  const at = Math.max(Math.round(now), state.lastEventAt);
  const actor = command?.actor;
  if (!actor || !isId(actor.personId)) return invalid('actor.personId', 'must be an id');
  if (typeof actor.displayName !== 'string') return invalid('actor.displayName', 'must be text');
  if (!isId(command.pollId)) return invalid('pollId', 'must be an id');
  const base = { at, by: actor.personId, pollId: command.pollId };
  if (command.type !== 'vote' && !isModeratorRole(actor.role)) return forbidden(`Only moderators may ${command.type} a poll`, 'MODERATORS_ONLY', { command: command.type });
  if (command.type === 'create') {
    if (state.polls.has(command.pollId)) return conflict('POLL_ID_TAKEN', 'This poll id is taken', { pollId: command.pollId });
    const settings = checkSettings(command.settings);
    return settings instanceof DomainError ? settings : [{ type: 'poll-created', ...base, settings }];
  }
  const poll = state.polls.get(command.pollId);
  if (!poll) return notFound('NO_POLL', 'No such poll', { pollId: command.pollId });
  switch (command.type) {
    case 'open':
      if (poll.status === 'open') return [];
      if (poll.status === 'closed') return conflict('POLL_CLOSED', 'A closed poll is not opened again');
      return [{ type: 'poll-opened', ...base }];
    case 'close':
      if (poll.status === 'closed') return [];
      if (poll.status === 'draft') return conflict('POLL_NOT_OPEN', 'The poll was never opened');
      return [{ type: 'poll-closed', ...base }];
    case 'vote': {
      if (actor.role === 'system') return forbidden('The system does not vote', 'NOT_A_PERSON');
      if (poll.status !== 'open') return conflict('POLL_NOT_OPEN', 'The poll is not open', { status: poll.status });
      if (poll.formal && !poll.eligibleRoles!.includes(actor.role)) return forbidden('Your role may not take part in this vote', 'NOT_ELIGIBLE');
      if (command.origin !== 'hall' && command.origin !== 'remote') return invalid('origin', "must be 'hall' or 'remote'");
      const choices = checkChoices(command.choices, poll);
      if (choices instanceof DomainError) return choices;
      const previous = poll.ballots.get(actor.personId);
      // The same ballot again is a retry (a formal vote keeps where it was first cast); from elsewhere it moves.
      if (previous && previous.choices.join() === choices.join() && (poll.formal || previous.origin === command.origin)) return [];
      if (previous && poll.formal) return conflict('ALREADY_VOTED', 'A vote in an Abstimmung is final');
      return [{ type: 'ballot-cast', ...base, displayName: actor.displayName, choices, origin: command.origin }];
    }
    default:
      return invalid('type', 'unknown command');
  }
}

export function execute(state: PollsState, command: PollCommand, now: number): { state: PollsState; events: PollEvent[] } | DomainError {
  const events = decide(state, command, now);
  if (events instanceof DomainError) return events;
  return { state: events.reduce(evolve, state), events };
}

function checkChoices(raw: unknown, poll: PollSettings): string[] | DomainError {
  if (!Array.isArray(raw) || raw.length === 0) return invalid('choices', 'must name at least one option');
  const known = new Set(poll.options.map((o) => o.id));
  if (!raw.every((c) => typeof c === 'string' && known.has(c))) return invalid('choices', 'must be options of this poll');
  const choices = [...new Set(raw as string[])].sort();
  if (choices.length !== raw.length) return invalid('choices', 'must name each option once');
  if (choices.length > poll.maxChoices) return invalid('choices', `at most ${poll.maxChoices}`);
  return choices;
}

function checkSettings(raw: unknown): PollSettings | DomainError {
  if (!raw || typeof raw !== 'object') return invalid('settings', 'must be an object');
  const r = raw as Partial<PollSettings>;
  if (typeof r.question !== 'string' || normaliseLine(r.question) === '') return invalid('settings.question', 'must be text');
  const question = normaliseLine(r.question);
  if ([...question].length > QUESTION_MAX) return invalid('settings.question', `at most ${QUESTION_MAX} characters`);
  if (!Array.isArray(r.options) || r.options.length < OPTIONS_MIN || r.options.length > OPTIONS_MAX) return invalid('settings.options', `${OPTIONS_MIN} to ${OPTIONS_MAX} options`);
  const options = [];
  for (const o of r.options) {
    if (!o || !isId(o.id) || typeof o.label !== 'string' || normaliseLine(o.label) === '') return invalid('settings.options', 'each needs an id and a label');
    const label = normaliseLine(o.label);
    if ([...label].length > OPTION_LABEL_MAX) return invalid('settings.options', `labels of at most ${OPTION_LABEL_MAX} characters`);
    options.push({ id: o.id, label });
  }
  if (new Set(options.map((o) => o.id)).size !== options.length) return invalid('settings.options', 'ids must differ');
  const kind = r.kind ?? 'single';
  if (kind !== 'single' && kind !== 'multiple') return invalid('settings.kind', "must be 'single' or 'multiple'");
  const maxChoices = kind === 'single' ? 1 : (r.maxChoices ?? options.length);
  if (!Number.isInteger(maxChoices) || maxChoices < 1 || maxChoices > options.length) return invalid('settings.maxChoices', `1 to ${options.length}`);
  if (kind === 'single' && r.maxChoices !== undefined && r.maxChoices !== 1) return invalid('settings.maxChoices', 'single choice means 1');
  for (const flag of ['anonymous', 'formal'] as const) if (r[flag] !== undefined && typeof r[flag] !== 'boolean') return invalid(`settings.${flag}`, 'must be true or false');
  const formal = r.formal === true;
  let eligibleRoles: string[] | null = null;
  if (formal) {
    if (!Array.isArray(r.eligibleRoles) || r.eligibleRoles.length === 0 || !r.eligibleRoles.every((x) => ELIGIBLE_ROLE_CHOICES.includes(x))) {
      return invalid('settings.eligibleRoles', `a formal vote names who may vote: some of ${ELIGIBLE_ROLE_CHOICES.join(', ')}`);
    }
    eligibleRoles = [...new Set(r.eligibleRoles)].sort();
  } else if (r.eligibleRoles !== undefined && r.eligibleRoles !== null) return invalid('settings.eligibleRoles', 'only for formal votes');
  return { question, options, kind, maxChoices, anonymous: r.anonymous === true, formal, eligibleRoles };
}
