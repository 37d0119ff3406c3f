import { arrangeStage, layoutOfMetadata, type LayoutTile } from './stage-layout';

const cam = (identity: string, speaking = false): LayoutTile => ({ identity, screen: false, speaking });
const screen = (identity: string): LayoutTile => ({ identity, screen: true, speaking: false });
const ids = (a: { main: LayoutTile[]; strip: LayoutTile[] }) => ({ main: a.main.map((t) => `${t.identity}${t.screen ? ':screen' : ''}`), strip: a.strip.map((t) => `${t.identity}${t.screen ? ':screen' : ''}`) });

describe('stage layouts', () => {
  const tiles = [cam('carla'), cam('anna'), screen('anna'), cam('bert', true)];
  const chairs = ['anna', 'bert', 'carla'];

  it('speaker focus: the one speaking large, the others small (screen shares last)', () => {
    expect(ids(arrangeStage(tiles, 'speaker', chairs, null))).toEqual({ main: ['bert'], strip: ['carla', 'anna', 'anna:screen'] });
  });

  it('speaker focus with nobody speaking: whoever spoke last, else the first chair', () => {
    const quiet = [cam('carla'), cam('anna'), cam('bert')];
    expect(ids(arrangeStage(quiet, 'speaker', chairs, 'carla')).main).toEqual(['carla']);
    expect(ids(arrangeStage(quiet, 'speaker', chairs, null)).main).toEqual(['anna']);
    expect(ids(arrangeStage(quiet, 'speaker', chairs, 'gone')).main).toEqual(['anna']);
  });

  it('panel: every camera large in chair order, people without a chair after them', () => {
    expect(ids(arrangeStage([cam('zoe'), ...tiles], 'panel', chairs, null))).toEqual({ main: ['anna', 'bert', 'carla', 'zoe'], strip: ['anna:screen'] });
  });

  it('presentation: the screen share large, the speakers small in chair order', () => {
    expect(ids(arrangeStage(tiles, 'presentation', chairs, null))).toEqual({ main: ['anna:screen'], strip: ['anna', 'bert', 'carla'] });
  });

  it('presentation without a screen share falls back to the speaker focus', () => {
    expect(ids(arrangeStage([cam('anna'), cam('bert', true)], 'presentation', chairs, null))).toEqual({ main: ['bert'], strip: ['anna'] });
  });

  it('an empty stage has nothing large', () => {
    expect(ids(arrangeStage([], 'speaker', chairs, null))).toEqual({ main: [], strip: [] });
  });

  it('reads the layout from the room metadata and ignores anything else', () => {
    expect(layoutOfMetadata('{"podium":1,"kind":"stage","layout":"panel"}')).toBe('panel');
    expect(layoutOfMetadata('{"podium":1,"kind":"stage"}')).toBeNull();
    expect(layoutOfMetadata('{"layout":"grid"}')).toBeNull();
    expect(layoutOfMetadata('not json')).toBeNull();
    expect(layoutOfMetadata(undefined)).toBeNull();
  });
});
