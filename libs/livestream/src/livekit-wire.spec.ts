import { fromParticipantPermission, toParticipantPermission, toVideoGrant } from './livekit-wire';
import { stagePermission } from './permissions';

describe('LiveKit wire shapes', () => {
  it('maps sources to livekit.TrackSource codes and drops roomAdmin from the permission', () => {
    const wire = toParticipantPermission(stagePermission('moderator', true));
    expect(wire).toEqual({
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
      canPublishSources: [1, 2, 3, 4],
      hidden: false,
      canUpdateMetadata: false,
    });
    expect(wire).not.toHaveProperty('roomAdmin');
  });

  it('round-trips a server permission, ignoring unknown source codes', () => {
    const p = stagePermission('interpreter', true);
    const { roomAdmin, ...rest } = p;
    expect(roomAdmin).toBe(false);
    expect(fromParticipantPermission(toParticipantPermission(p))).toEqual(rest);
    expect(fromParticipantPermission({ canPublish: true, canPublishSources: [2, 99] }).canPublishSources).toEqual(['microphone']);
    expect(fromParticipantPermission(undefined).canSubscribe).toBe(false);
  });

  it('builds a token grant for one room, with roomAdmin', () => {
    expect(toVideoGrant(stagePermission('organiser', false), 'r1')).toEqual({
      room: 'r1',
      roomJoin: true,
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
      canPublishSources: [],
      canUpdateOwnMetadata: false,
      roomAdmin: true,
      hidden: false,
    });
  });
});
