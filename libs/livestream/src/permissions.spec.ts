import { LIVESTREAM_ROLES, isLivestreamRole } from './roles';
import { TRACK_SOURCES, isAlwaysOnStage, samePermission, stagePermission } from './permissions';

const KEYS = ['canSubscribe', 'canPublish', 'canPublishData', 'canPublishSources', 'roomAdmin', 'hidden', 'canUpdateMetadata'];

describe('stagePermission', () => {
  it.each(LIVESTREAM_ROLES.flatMap((r) => [[r, true] as const, [r, false] as const]))('%s (onStage %s) is always a full object', (role, onStage) => {
    const p = stagePermission(role, onStage);
    expect(Object.keys(p).sort()).toEqual([...KEYS].sort());
    expect(p.canSubscribe).toBe(true);
    expect(p.hidden).toBe(false);
    expect(p.canUpdateMetadata).toBe(false);
    expect(p.canPublish).toBe(p.canPublishSources.length > 0);
    expect(p.canPublishSources).toEqual(TRACK_SOURCES.filter((s) => p.canPublishSources.includes(s)));
  });

  it('attendee: subscribe only, no data; on stage: camera and microphone', () => {
    expect(stagePermission('attendee', false)).toMatchObject({ canPublish: false, canPublishData: false, canPublishSources: [], roomAdmin: false });
    expect(stagePermission('attendee', true)).toMatchObject({ canPublish: true, canPublishSources: ['camera', 'microphone'], roomAdmin: false });
  });

  it.each(['speaker', 'panelist'] as const)('%s on stage presents: camera, microphone, screen share; off stage watches', (role) => {
    expect(stagePermission(role, true).canPublishSources).toEqual(['camera', 'microphone', 'screen_share', 'screen_share_audio']);
    expect(stagePermission(role, false)).toMatchObject({ canPublish: false, canPublishSources: [] });
  });

  it('moderator is room admin and always may publish', () => {
    expect(stagePermission('moderator', false)).toMatchObject({ roomAdmin: true, canPublish: true });
    expect(isAlwaysOnStage('moderator')).toBe(true);
  });

  it('interpreter publishes video (sign language) or a microphone channel (spoken), even when the stage list forgets them', () => {
    expect(stagePermission('interpreter', false).canPublishSources).toEqual(['camera', 'microphone']);
  });

  it('production desk publishes the hall camera and microphone', () => {
    expect(stagePermission('production-desk', false).canPublishSources).toEqual(['camera', 'microphone']);
  });

  it('organiser is room admin, publishes only on stage', () => {
    expect(stagePermission('organiser', false)).toMatchObject({ roomAdmin: true, canPublish: false });
    expect(stagePermission('organiser', true).canPublish).toBe(true);
  });

  it('samePermission ignores source order and roomAdmin', () => {
    const a = stagePermission('speaker', true);
    expect(samePermission(a, { ...a, canPublishSources: [...a.canPublishSources].reverse() })).toBe(true);
    expect(samePermission(a, { ...a, canSubscribe: false })).toBe(false);
    expect(samePermission(a, { ...a, canPublishSources: ['camera'] })).toBe(false);
  });

  it('recognises roles', () => {
    expect(isLivestreamRole('production-desk')).toBe(true);
    expect(isLivestreamRole('admin')).toBe(false);
    expect(isLivestreamRole(undefined)).toBe(false);
  });
});

describe('captioner', () => {
  it('sends data (caption text streams) but never media, on stage or not', () => {
    const expected = { canSubscribe: true, canPublish: false, canPublishData: true, canPublishSources: [], roomAdmin: false, hidden: false, canUpdateMetadata: false };
    expect(stagePermission('captioner', false)).toEqual(expected);
    expect(stagePermission('captioner', true)).toEqual(expected);
  });
});
