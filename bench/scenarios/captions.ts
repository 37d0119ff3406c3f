import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Room, RoomEvent, dispose } from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';
import { ATTR_SEGMENT_ID, captionAttributes, TRANSCRIPTION_TOPIC } from '@podium/contracts';
import { stagePermission, toVideoGrant, type LivestreamRole } from '@podium/livestream';
import { findLiveKitBinary, startLocalLiveKitServer } from '../../apps/api/src/livestream/local-livekit-server';
import { progress } from '../support/progress';
import { ratio, round, summarise } from '../support/stats';
import type { BenchOptions } from '../support/options';
import type { Scenario } from './index';

const ROOT = join(__dirname, '..', '..', '..');
const ROOM = 'bench-captions';
const LINE = 'Herzlich willkommen zur Podiumsdiskussion über Teilhabe und Barrierefreiheit.';

/** Sends `lines` lines one by one (a pause between, as a captioner types) and collects arrival − send per viewer. */
async function measure(viewers: Room[], lines: number, gapMs: number, send: (i: number) => Promise<void>, listen: (room: Room, arrived: (i: number) => void) => () => void) {
  const sentAt = new Map<number, number>();
  const samples: number[] = [];
  let delivered = 0;
  const stops = viewers.map((room) => listen(room, (i) => {
    const t0 = sentAt.get(i);
    if (t0 === undefined) return;
    delivered++;
    samples.push(performance.now() - t0);
  }));
  // One warm-up line, not counted: the first stream or packet of a sender pays for setting up its path.
  await send(-1);
  await new Promise((r) => setTimeout(r, 1000));
  for (let i = 0; i < lines; i++) {
    sentAt.set(i, performance.now());
    await send(i);
    await new Promise((r) => setTimeout(r, gapMs));
  }
  const deadline = Date.now() + 10_000; // late arrivals count, lost ones do not
  while (delivered < lines * viewers.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const stop of stops) stop();
  return { delivered, expected: lines * viewers.length, ...summarise(samples) };
}

export const captions: Scenario = {
  name: 'captions',
  summary: 'caption lines from one captioner to N rtc-node viewers on a real LiveKit (--viewers 300 --lines 30 --gap-ms 300), against the same lines as LiveKit data packets',
  async run(options: BenchOptions) {
    const viewerCount = options.int('viewers', 300);
    const lines = options.int('lines', 30);
    const gapMs = options.int('gap-ms', 300);
    const binary = findLiveKitBinary(ROOT);
    if (!binary) throw new Error('LiveKit server binary not found: run "npm run livekit:install"');
    const livekit = await startLocalLiveKitServer({ binary, dir: join(mkdtempSync(join(tmpdir(), 'podium-bench-captions-')), 'livekit'), apiKey: 'podium-bench', logLevel: 'warn' });
    const rooms: Room[] = [];
    // The grants the api gives (same policy functions), minted here: delivery does not pass through the api.
    const connectAs = async (identity: string, role: LivestreamRole) => {
      const at = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity, ttl: 1800 });
      at.addGrant(toVideoGrant(stagePermission(role, false), ROOM));
      const token = await at.toJwt();
      // rtc-node sometimes loses a room handle while connecting on a loaded machine: retry with a fresh Room.
      for (let attempt = 1; ; attempt++) {
        const room = new Room();
        try {
          await room.connect(livekit.url, token, { autoSubscribe: false, dynacast: false });
          rooms.push(room);
          return room;
        } catch (error) {
          // No disconnect: the failed room's handle is already gone, and dropping it again aborts the process.
          if (attempt === 3) throw error;
          retries++;
        }
      }
    };
    let retries = 0;
    try {
      const captioner = await connectAs('captioner', 'captioner');
      const viewers: Room[] = [];
      // One at a time: parallel connects made rtc-node lose room handles on this loaded machine.
      for (let i = 0; i < viewerCount; i++) {
        viewers.push(await connectAs(`viewer-${i}`, 'attendee'));
        if ((i + 1) % 50 === 0) progress(`${viewers.length} viewers connected`);
      }
      while (captioner.remoteParticipants.size < viewerCount) await new Promise((r) => setTimeout(r, 200));
      progress(`${viewerCount} viewers connected; ${lines} caption lines as lk.transcription text streams`);

      const ours = await measure(
        viewers,
        lines,
        gapMs,
        async (i) => void (await captioner.localParticipant!.sendText(`${LINE} ${i}`, { topic: TRANSCRIPTION_TOPIC, attributes: captionAttributes({ segmentId: `b-${i}`, final: true, speaker: 'Moderation', language: 'de' }) })),
        (room, arrived) => {
          room.registerTextStreamHandler(TRANSCRIPTION_TOPIC, (reader) => void reader.readAll().then(() => arrived(Number(reader.info.attributes?.[ATTR_SEGMENT_ID]?.slice(2)))));
          return () => room.unregisterTextStreamHandler(TRANSCRIPTION_TOPIC);
        },
      );
      progress(`text streams: ${ours.delivered}/${ours.expected}, p50 ${ours.p50_ms} ms, p99 ${ours.p99_ms} ms; now the same lines as data packets`);

      const encoder = new TextEncoder();
      const baseline = await measure(
        viewers,
        lines,
        gapMs,
        (i) => captioner.localParticipant!.publishData(encoder.encode(JSON.stringify({ i, text: `${LINE} ${i}` })), { reliable: true, topic: 'bench-baseline' }),
        (room, arrived) => {
          const on = (payload: Uint8Array, _p?: unknown, _k?: unknown, topic?: string) => topic === 'bench-baseline' && arrived(JSON.parse(new TextDecoder().decode(payload)).i);
          room.on(RoomEvent.DataReceived, on);
          return () => room.off(RoomEvent.DataReceived, on);
        },
      );
      return {
        viewers: viewerCount,
        lines,
        delivered: ours.delivered,
        expected: ours.expected,
        p50_ms: ours.p50_ms,
        p99_ms: ours.p99_ms,
        max_ms: ours.max_ms,
        gap_ms: gapMs,
        connect_retries: retries,
        transport: 'one livekit-server on loopback; captioner and viewers are @livekit/rtc-node rooms in this one process (autoSubscribe false); latency = arrival - send on one clock',
        baseline: { kind: 'the same lines as reliable LiveKit data packets to the same viewers', delivered: baseline.delivered, p50_ms: baseline.p50_ms, p99_ms: baseline.p99_ms, max_ms: baseline.max_ms },
        ratio_p99: ratio(ours.p99_ms, baseline.p99_ms),
        delivered_ratio: round(ours.delivered / ours.expected, 4),
      };
    } finally {
      for (const room of rooms) await room.disconnect().catch(() => undefined);
      await dispose();
      await livekit.stop();
    }
  },
};
