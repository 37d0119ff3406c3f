import { STAGE_LAYOUTS, type StageLayout, type StageRoomMetadata } from '@podium/contracts';

/** What arranging needs to know of one stage tile (a camera or a screen share). */
export interface LayoutTile {
  identity: string;
  screen: boolean;
  speaking: boolean;
}

export interface Arrangement<T> {
  /** Shown large. */
  main: T[];
  /** Shown small beside or below. */
  strip: T[];
}

/** The layout in the stage room's metadata, or null when it names none (or is not ours). */
export function layoutOfMetadata(metadata: string | undefined): StageLayout | null {
  if (!metadata) return null;
  try {
    const layout = (JSON.parse(metadata) as Partial<StageRoomMetadata>).layout;
    return (STAGE_LAYOUTS as readonly unknown[]).includes(layout) ? (layout as StageLayout) : null;
  } catch {
    return null;
  }
}

/** By chair order (people not on a chair after them, in their previous order). */
function byChairs<T extends LayoutTile>(tiles: T[], chairOrder: readonly string[]): T[] {
  const rank = (t: T) => {
    const i = chairOrder.indexOf(t.identity);
    return i < 0 ? chairOrder.length : i;
  };
  return tiles.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i).map((x) => x.t);
}

/** The camera of whoever speaks now, else of whoever spoke last, else the first chair's. */
function speakerTile<T extends LayoutTile>(cameras: T[], lastSpeaker: string | null): T | undefined {
  return cameras.find((t) => t.speaking) ?? cameras.find((t) => t.identity === lastSpeaker) ?? cameras[0];
}

/**
 * Where each tile goes in a layout: speaker focus puts the (last) active speaker large; panel shows
 * every camera large in chair order; presentation puts the screen share large and the speakers small
 * (without a screen share it falls back to the speaker focus).
 */
export function arrangeStage<T extends LayoutTile>(tiles: T[], layout: StageLayout, chairOrder: readonly string[], lastSpeaker: string | null): Arrangement<T> {
  const cameras = byChairs(
    tiles.filter((t) => !t.screen),
    chairOrder,
  );
  const screens = tiles.filter((t) => t.screen);
  if (layout === 'panel') return { main: cameras, strip: screens };
  if (layout === 'presentation' && screens.length > 0) return { main: [screens[0]], strip: [...cameras, ...screens.slice(1)] };
  const focus = speakerTile(cameras, lastSpeaker) ?? screens[0];
  return { main: focus ? [focus] : [], strip: tiles.filter((t) => t !== focus).sort((a, b) => Number(a.screen) - Number(b.screen)) };
}
