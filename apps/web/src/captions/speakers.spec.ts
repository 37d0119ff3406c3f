import { speakerChoices } from './speakers';

describe('speaker names for the captioning console', () => {
  it('chairs first, then moderators and speakers, no interpreters or captioners, no duplicates or blanks', () => {
    const people = [
      { role: 'speaker', name: 'Reiner Haseloff' },
      { role: 'interpreter', name: 'Dana DGS' },
      { role: 'moderator', name: 'Moderation' },
      { role: 'captioner', name: 'Clara Caption' },
      { role: 'speaker', name: '  ' },
    ];
    expect(speakerChoices(['Gast Anna', null, 'Reiner Haseloff'], people)).toEqual(['Gast Anna', 'Reiner Haseloff', 'Moderation']);
  });
});
