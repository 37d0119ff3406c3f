import { DomainError } from '@podium/contracts';
import { person } from './testing/harness';
import { commandFromPayload } from './validate';

const edge = { actor: person('a'), origin: 'hall' as const };
const field = (r: unknown) => (r instanceof DomainError ? String(r.details?.field) : 'ok');

describe('poll payload to command', () => {
  it('takes origin from the edge', () => {
    expect(commandFromPayload('vote', { sessionId: 's1', pollId: 'p1', choices: ['x'] }, edge)).toEqual({ type: 'vote', actor: edge.actor, pollId: 'p1', choices: ['x'], origin: 'hall' });
  });
  it.each([
    ['unknown command', 'delete', { pollId: 'p1' }, 'type'],
    ['origin from the client', 'vote', { pollId: 'p1', choices: ['x'], origin: 'remote' }, 'origin'],
    ['choices not a list', 'vote', { pollId: 'p1', choices: 'x' }, 'choices'],
    ['too many choices', 'vote', { pollId: 'p1', choices: Array(21).fill('x') }, 'choices'],
    ['no poll id', 'open', {}, 'pollId'],
    ['unknown setting', 'create', { pollId: 'p1', settings: { question: 'Q', options: [], secret: 1 } }, 'settings.secret'],
    ['option with extra keys', 'create', { pollId: 'p1', settings: { question: 'Q', options: [{ id: 'x', label: 'X', votes: 9 }] } }, 'settings.options'],
    ['settings a list', 'create', { pollId: 'p1', settings: [] }, 'settings'],
  ])('%s is refused', (_n, type, raw, expected) => {
    expect(field(commandFromPayload(type, raw, edge))).toBe(expected);
  });
});
