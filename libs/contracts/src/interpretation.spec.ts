import { availableChannels, interpretationTrackName, languageOfTrack, listenerPlan } from './interpretation';

const interpreter = (identity: string, channel: string, live?: string) => ({ identity, attributes: { 'podium.interpretation': channel, ...(live ? { 'podium.live': live } : {}) } });

describe('interpretation channels', () => {
  it('names tracks by language and reads the language back', () => {
    expect(interpretationTrackName('en')).toBe('interpretation:en');
    expect(languageOfTrack('interpretation:fr')).toBe('fr');
    expect(languageOfTrack('microphone')).toBeNull();
    expect(languageOfTrack('interpretation:')).toBeNull();
  });

  it('lists the channels interpreters in the room carry', () => {
    expect(availableChannels([interpreter('b', 'fr'), { identity: 's', attributes: { role: 'speaker' } }, interpreter('a', 'en'), interpreter('c', 'en')])).toEqual(['en', 'fr']);
  });
});

describe('listenerPlan', () => {
  const tracks = [
    { trackSid: 'TR_en_b', trackName: 'interpretation:en', participant: interpreter('p-b', 'en', 'true') },
    { trackSid: 'TR_en_a', trackName: 'interpretation:en', participant: interpreter('p-a', 'en', 'false') },
    { trackSid: 'TR_fr', trackName: 'interpretation:fr', participant: interpreter('p-c', 'fr') },
    // A speaker naming a track like a channel is not an interpreter: the api-set attribute is missing.
    { trackSid: 'TR_fake', trackName: 'interpretation:de', participant: { identity: 'p-s', attributes: { role: 'speaker' } } },
  ];

  it('floor only: nothing subscribed, floor at full volume', () => {
    expect(listenerPlan(null, tracks)).toEqual({ subscribe: [], play: null, floorVolume: 1 });
  });

  it('English: both English interpreters subscribed (gapless handover), the live one played, the floor lowered', () => {
    expect(listenerPlan('en', tracks)).toEqual({ subscribe: ['TR_en_a', 'TR_en_b'], play: 'TR_en_b', floorVolume: 0.2 });
  });

  it('nobody flagged live: the first by identity plays', () => {
    expect(listenerPlan('fr', tracks)).toEqual({ subscribe: ['TR_fr'], play: 'TR_fr', floorVolume: 0.2 });
  });

  it('a language nobody interprets, or a posing track: the floor', () => {
    expect(listenerPlan('de', tracks)).toEqual({ subscribe: [], play: null, floorVolume: 1 });
    expect(listenerPlan('it', tracks)).toEqual({ subscribe: [], play: null, floorVolume: 1 });
  });
});
