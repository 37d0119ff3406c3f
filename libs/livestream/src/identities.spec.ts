import { desiredStage, participantIdentity, personIdOfIdentity } from './identities';

const P = '5b0a3c1e-0000-4000-8000-000000000001';

describe('identities', () => {
  it('maps the production desk identity back to its person', () => {
    expect(participantIdentity(P)).toBe(P);
    expect(participantIdentity(P, true)).toBe(`desk:${P}`);
    expect(personIdOfIdentity(participantIdentity(P, true))).toBe(P);
    expect(personIdOfIdentity(P)).toBe(P);
  });
});

describe('desiredStage', () => {
  it('stage: speakers by default, moderator decisions on top', () => {
    const d = desiredStage('stage', { speakers: ['s1', 's2'], assignments: [{ personId: 's2', onStage: false }, { personId: 'a', onStage: true }], present: [] });
    expect([...d].sort()).toEqual([['a', true], ['s1', true], ['s2', false]]);
  });
  it('backstage: everyone in it publishes', () => {
    expect([...desiredStage('backstage', { speakers: [], assignments: [{ personId: 'x', onStage: false }], present: ['x', 'y'] })]).toEqual([['x', true], ['y', true]]);
  });
});
