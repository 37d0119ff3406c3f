import { DomainError } from '@podium/contracts';
import { checkAnswer, checkCall, checkRequest, contactVisible, sharedBetween } from './consent';

const codeOf = (e: DomainError | null) => (e ? e.code : 'ok');
const listed = new Set(['a', 'b']);
const inDirectory = (id: string) => listed.has(id);

describe('contact requests need both sides', () => {
  it('only people in the directory ask, only people in it are asked, never oneself', () => {
    expect(codeOf(checkRequest('a', 'b', inDirectory))).toBe('ok');
    expect(codeOf(checkRequest('x', 'b', inDirectory))).toBe('FORBIDDEN');
    expect(codeOf(checkRequest('a', 'x', inDirectory))).toBe('NOT_FOUND');
    expect(codeOf(checkRequest('a', 'a', inDirectory))).toBe('VALIDATION');
  });

  it('only the person asked answers, once', () => {
    expect(codeOf(checkAnswer({ fromPerson: 'a', toPerson: 'b', status: 'pending' }, 'b'))).toBe('ok');
    expect(codeOf(checkAnswer({ fromPerson: 'a', toPerson: 'b', status: 'pending' }, 'a'))).toBe('FORBIDDEN');
    expect(codeOf(checkAnswer({ fromPerson: 'a', toPerson: 'b', status: 'declined' }, 'b'))).toBe('CONFLICT');
  });

  it('contact details cross only once accepted', () => {
    expect([contactVisible({ fromPerson: 'a', toPerson: 'b', status: 'pending' }), contactVisible({ fromPerson: 'a', toPerson: 'b', status: 'declined' }), contactVisible({ fromPerson: 'a', toPerson: 'b', status: 'accepted' })]).toEqual([false, false, true]);
  });
});

describe('calls and shared details', () => {
  it('a call only for the two people of an accepted request', () => {
    expect(codeOf(checkCall({ fromPerson: 'a', toPerson: 'b', status: 'accepted' }, 'a'))).toBe('ok');
    expect(codeOf(checkCall({ fromPerson: 'a', toPerson: 'b', status: 'accepted' }, 'b'))).toBe('ok');
    expect(codeOf(checkCall({ fromPerson: 'a', toPerson: 'b', status: 'accepted' }, 'c'))).toBe('FORBIDDEN');
    expect(codeOf(checkCall({ fromPerson: 'a', toPerson: 'b', status: 'pending' }, 'b'))).toBe('CONFLICT');
    expect(codeOf(checkCall({ fromPerson: 'a', toPerson: 'b', status: 'declined' }, 'a'))).toBe('CONFLICT');
  });

  it('speed-networking details cross only when both shared', () => {
    expect([sharedBetween(new Set(['a', 'b']), 'a', 'b'), sharedBetween(new Set(['a']), 'a', 'b'), sharedBetween(new Set(['b']), 'a', 'b'), sharedBetween(new Set(), 'a', 'b')]).toEqual([true, false, false, false]);
  });
});
