// A viewer with rtc-node that measures the video it receives: frame size, frame time and gaps, by media timestamps.
import { RoomEvent, TrackKind, VideoStream, type RemoteTrack, type RemoteTrackPublication, type Room } from '@livekit/rtc-node';

export interface MeasuredVideo {
  frames: number;
  medianIntervalMs: number;
  /** Share of intervals longer than 1.5 medians. */
  gapShare: number;
  minWidth: number;
  minHeight: number;
}

/** BITV 2.0 Anlage 2 on measured frames: at least 320x240, 25 fps (a 40 ms frame time), and gaps rare. */
export function expectSignLanguageMinimum(measured: MeasuredVideo): void {
  expect(measured.minWidth).toBeGreaterThanOrEqual(320);
  expect(measured.minHeight).toBeGreaterThanOrEqual(240);
  expect(measured.medianIntervalMs).toBeLessThanOrEqual(40);
  // A layer encoded at 20 fps from 25 drops every fifth frame: a 40 ms median, but a quarter of the intervals are gaps
  // (measured 24 %); frames lost in transit left up to 7.7 % in our runs.
  expect(measured.gapShare).toBeLessThanOrEqual(0.15);
}

/** The video track of `identity` this room is subscribed to, now or as soon as it is, with its publication (to ask for a layer). */
export function nextVideo(room: Room, identity: string): Promise<{ track: RemoteTrack; publication: RemoteTrackPublication }> {
  return nextTrack(room, identity, TrackKind.KIND_VIDEO);
}

/** The track of `kind` from `identity` this room is subscribed to, now or as soon as it is, with its publication. */
export function nextTrack(room: Room, identity: string, kind: TrackKind): Promise<{ track: RemoteTrack; publication: RemoteTrackPublication }> {
  return new Promise((ok) => {
    const publications = room.remoteParticipants.get(identity)?.trackPublications.values() ?? [];
    const present = [...publications].find((p) => p.kind === kind && p.track);
    if (present) return ok({ track: present.track as RemoteTrack, publication: present });
    const on = (track: RemoteTrack, publication: RemoteTrackPublication, participant: { identity: string }) => {
      if (participant.identity !== identity || track.kind !== kind) return;
      room.off(RoomEvent.TrackSubscribed, on);
      ok({ track, publication });
    };
    room.on(RoomEvent.TrackSubscribed, on);
  });
}

/**
 * Skips `settleMs` of frames (the switch to the asked layer), then reads `windowMs` of them by their own timestamps.
 * The median interval is the encoded frame time: a frame the loaded test machine loses in transit is one long
 * interval and does not move it. Gaps (intervals over 1.5 medians) are counted as a share: an occasional lost frame
 * stays far below 15 %, a layer that drops frames regularly (20 of 25: every fourth interval) does not.
 */
export async function measure(track: RemoteTrack, settleMs = 2000, windowMs = 4000): Promise<MeasuredVideo> {
  const reader = new VideoStream(track).getReader();
  let first: bigint | null = null;
  let last: number | null = null;
  const intervals: number[] = [];
  let minWidth = Infinity;
  let minHeight = Infinity;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('video stream ended');
      first ??= value.timestampUs;
      const sinceMs = Number(value.timestampUs - first) / 1000;
      if (sinceMs < settleMs) continue;
      if (sinceMs >= settleMs + windowMs) break;
      if (last !== null) intervals.push(sinceMs - last);
      last = sinceMs;
      minWidth = Math.min(minWidth, value.frame.width);
      minHeight = Math.min(minHeight, value.frame.height);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const sorted = [...intervals].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const gaps = intervals.filter((ms) => ms > 1.5 * median).length;
  return { frames: intervals.length + 1, medianIntervalMs: median, gapShare: gaps / intervals.length, minWidth, minHeight };
}
