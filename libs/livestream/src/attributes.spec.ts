import { attributesPatch, participantAttributes } from './attributes';

describe('participantAttributes', () => {
  it('carries role and stage; interpreters are pinned', () => {
    expect(participantAttributes('attendee', false)).toEqual({ role: 'attendee', stage: 'false' });
    expect(participantAttributes('speaker', true)).toEqual({ role: 'speaker', stage: 'true' });
    expect(participantAttributes('interpreter', false)).toEqual({ role: 'interpreter', stage: 'true', pinned: 'true' });
  });
});

describe('attributesPatch', () => {
  it('is empty when nothing changes', () => {
    expect(attributesPatch({ role: 'attendee', stage: 'false', hand: 'up' }, participantAttributes('attendee', false))).toEqual({});
  });

  it('sends changed keys and deletes managed keys with an empty value', () => {
    expect(attributesPatch({ role: 'interpreter', stage: 'true', pinned: 'true' }, participantAttributes('attendee', true))).toEqual({
      role: 'attendee',
      pinned: '',
    });
  });

  it('leaves keys it does not manage alone', () => {
    expect(attributesPatch({ hand: 'up' }, { role: 'speaker', stage: 'true' })).toEqual({ role: 'speaker', stage: 'true' });
  });
});
