import { DomainError } from '@podium/contracts';
import { person } from './testing/harness';
import { commandFromPayload } from './validate';

const edge = { actor: person('anna'), mayTakeChair: false };
const code = (r: unknown) => (r instanceof DomainError ? `${r.code}:${String(r.details?.field)}` : 'ok');

describe('socket payload to command', () => {
  it('adds the actor and mayTakeChair from the edge; sessionId only routes', () => {
    expect(commandFromPayload('ask', { sessionId: 's1', questionId: 'q1', text: 'Hallo', origin: 'hall' }, edge)).toEqual({
      type: 'ask',
      actor: { personId: 'anna', displayName: 'ANNA', role: 'attendee' },
      questionId: 'q1',
      text: 'Hallo',
      origin: 'hall',
      mayTakeChair: false,
    });
  });

  it.each([
    ['unknown command', 'shout', {}, 'VALIDATION:type'],
    ['not an object', 'upvote', 'q1', 'VALIDATION:payload'],
    ['array', 'upvote', ['q1'], 'VALIDATION:payload'],
    ['unknown field', 'upvote', { questionId: 'q1', votes: 5 }, 'VALIDATION:votes'],
    ['client claims mayTakeChair', 'ask', { questionId: 'q1', text: 'x', origin: 'hall', mayTakeChair: true }, 'VALIDATION:mayTakeChair'],
    ['id too long', 'upvote', { questionId: 'q'.repeat(65) }, 'VALIDATION:questionId'],
    ['id not text', 'merge', { questionId: 'q1', intoId: 7 }, 'VALIDATION:intoId'],
    ['huge text', 'ask', { questionId: 'q1', text: 'x'.repeat(2001), origin: 'hall' }, 'VALIDATION:text'],
  ])('%s is refused', (_name, type, raw, expected) => {
    expect(code(commandFromPayload(type, raw, edge))).toBe(expected);
  });
});
