import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { Room, dispose } from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';
import { captionAttributes, TRANSCRIPTION_TOPIC } from '@podium/contracts';
import { stagePermission, toVideoGrant, type LivestreamRole } from '@podium/livestream';
import { findLiveKitBinary, startLocalLiveKitServer } from '../../apps/api/src/livestream/local-livekit-server';
import { cpuWindow } from '../support/cpu-window';
import { progress } from '../support/progress';
import { ratio, round, summarise } from '../support/stats';
import type { BenchOptions } from '../support/options';
import type { Scenario } from './index';

const ROOT = join(__dirname, '..', '..', '..');
const ROOM = 'bench-captions';
/** How long after the last line arrivals still count: long enough to tell late from lost on a saturated machine. */
const DRAIN_MS = 60_000;
const LINE = 'Herzlich willkommen zur Podiumsdiskussion über Teilhabe und Barrierefreiheit.';

const clock = () => performance.timeOrigin + performance.now();

/** `probe`: arrived at a viewer in the probe worker (normal priority), not in a bulk worker. */
type Arrival = { kind: 'stream' | 'data'; i: number; at: number; probe: boolean };

/**
 * Sends `lines` lines one by one (a pause between, as a captioner types), each first as a text stream and
 * at once as a data packet, so both methods see the same load; collects arrival − send per method.
 */
async function measure(arrivals: Arrival[], viewers: number, probes: number, lines: number, gapMs: number, senders: Record<Arrival['kind'], (i: number) => Promise<void>>) {
  const sentAt = { stream: new Map<number, number>(), data: new Map<number, number>() };
  // One warm-up line each, not counted: the first stream or packet of a sender pays for setting up its path.
  await senders.stream(-1);
  await senders.data(-1);
  await new Promise((r) => setTimeout(r, 1000));
  arrivals.length = 0;
  for (let i = 0; i < lines; i++) {
    for (const kind of ['stream', 'data'] as const) {
      sentAt[kind].set(i, clock());
      await senders[kind](i);
    }
    await new Promise((r) => setTimeout(r, gapMs));
  }
  const counted = (kind: Arrival['kind']) => arrivals.filter((a) => a.kind === kind && sentAt[kind].has(a.i));
  const deadline = Date.now() + DRAIN_MS; // late arrivals count, lost ones do not
  while (counted('stream').length + counted('data').length < 2 * lines * viewers && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const result = (kind: Arrival['kind'], probesOnly = false) => {
    const samples = counted(kind).filter((a) => !probesOnly || a.probe).map((a) => a.at - sentAt[kind].get(a.i)!);
    return { delivered: samples.length, expected: lines * (probesOnly ? probes : viewers), ...summarise(samples) };
  };
  return { ours: result('stream'), baseline: result('data'), probeOurs: result('stream', true), probeBaseline: result('data', true) };
}

export const captions: Scenario = {
  name: 'captions',
  summary: 'caption lines from one captioner to N rtc-node viewers on a real LiveKit (--viewers 300 --lines 30 --gap-ms 300 --workers 4 --probes 10 --bulk-nice 10), against the same lines as LiveKit data packets',
  async run(options: BenchOptions) {
    const viewerCount = options.int('viewers', 300);
    const lines = options.int('lines', 30);
    const gapMs = options.int('gap-ms', 300);
    // Probe viewers sit in a worker of their own at normal priority; the bulk workers run at a lower one
    // (`--bulk-nice`), so the probes show what a viewer on a device of its own sees while the server serves all N.
    const probeCount = Math.min(viewerCount, options.int('probes', 10));
    const bulkNice = Math.min(19, options.int('bulk-nice', 10));
    const binary = findLiveKitBinary(ROOT);
    if (!binary) throw new Error('LiveKit server binary not found: run "npm run livekit:install"');
    const livekit = await startLocalLiveKitServer({ binary, dir: join(mkdtempSync(join(tmpdir(), 'podium-bench-captions-')), 'livekit'), apiKey: 'podium-bench', logLevel: 'warn' });
    const workerCount = Math.max(1, options.int('workers', 4));
    const token = async (identity: string, role: LivestreamRole) => {
      const at = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity, ttl: 1800 });
      at.addGrant(toVideoGrant(stagePermission(role, false), ROOM)); // the grants the api gives (same policy)
      return at.toJwt();
    };
    const arrivals: Arrival[] = [];
    let connected = 0;
    let retries = 0;
    let workerErrors = 0;
    const workers: ChildProcess[] = [];
    const captioner = new Room();
    try {
      await captioner.connect(livekit.url, await token('captioner', 'captioner'), { autoSubscribe: false, dynacast: false });
      const tokens = await Promise.all(Array.from({ length: viewerCount }, (_, i) => token(`viewer-${i}`, 'attendee')));
      const bulk = tokens.slice(probeCount);
      // Worker 0 holds the probes (if any); the bulk viewers are dealt round robin over the other workers.
      const shares = [tokens.slice(0, probeCount), ...Array.from({ length: workerCount }, (_, w) => bulk.filter((_, i) => i % workerCount === w))];
      shares.forEach((share, w) => {
        if (share.length === 0) return;
        const probe = w === 0;
        const worker = fork(join(__dirname, 'captions-viewers.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
        workers.push(worker);
        if (!probe && bulkNice > 0 && worker.pid) setPriority(worker.pid, bulkNice);
        worker.on('message', (m: { type: string; error?: string } & Arrival) => {
          if (m.type === 'arrived') arrivals.push({ kind: m.kind, i: m.i, at: m.at, probe });
          else if (m.type === 'connected' && ++connected % 50 === 0) progress(`${connected} viewers connected`);
          else if (m.type === 'retry') retries++;
          else if (m.type === 'worker-error' && ++workerErrors <= 3) progress(`a worker caught: ${m.error}`);
          else if (m.type === 'failed') progress(`a viewer could not connect: ${m.error}`);
        });
        worker.send({ type: 'connect', url: livekit.url, tokens: share });
      });
      const waitUntil = Date.now() + 30 * 60_000;
      while (captioner.remoteParticipants.size < viewerCount && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 500));
      progress(`${captioner.remoteParticipants.size} viewers in the room (${workers.length} worker processes, ${probeCount} probes); ${lines} caption lines as lk.transcription text streams`);
      const viewers = captioner.remoteParticipants.size;

      const encoder = new TextEncoder();
      const cpu = cpuWindow({
        server: () => [livekit.pid],
        captioner: () => [process.pid],
        probe_worker: () => (probeCount > 0 ? [workers[0]?.pid] : []),
        bulk_workers: () => workers.slice(probeCount > 0 ? 1 : 0).map((w) => w.pid),
      });
      const { ours, baseline, probeOurs, probeBaseline } = await measure(arrivals, viewers, probeCount, lines, gapMs, {
        stream: async (i) =>
          void (await captioner.localParticipant!.sendText(`${LINE} ${i}`, { topic: TRANSCRIPTION_TOPIC, attributes: captionAttributes({ segmentId: `b-${i}`, final: true, speaker: 'Moderation', language: 'de' }) })),
        data: (i) => captioner.localParticipant!.publishData(encoder.encode(JSON.stringify({ i, text: `${LINE} ${i}` })), { reliable: true, topic: 'bench-baseline' }),
      });
      return {
        viewers: viewerCount,
        connected: viewers,
        workers: workers.length,
        lines,
        delivered: ours.delivered,
        expected: ours.expected,
        p50_ms: ours.p50_ms,
        p99_ms: ours.p99_ms,
        max_ms: ours.max_ms,
        gap_ms: gapMs,
        drain_s: DRAIN_MS / 1000,
        connect_retries: retries,
        worker_errors: workerErrors,
        transport: 'one livekit-server on loopback; captioner in the bench process, viewers are @livekit/rtc-node rooms in worker processes (autoSubscribe false); latency = arrival - send on one machine clock',
        baseline: { kind: 'the same lines as reliable LiveKit data packets to the same viewers, sent right after each stream (same load)', delivered: baseline.delivered, p50_ms: baseline.p50_ms, p99_ms: baseline.p99_ms, max_ms: baseline.max_ms },
        ratio_p99: ratio(ours.p99_ms, baseline.p99_ms),
        delivered_ratio: round(ours.delivered / ours.expected, 4),
        probes: {
          kind: `${probeCount} of the viewers in a worker of their own at normal priority, bulk workers at nice ${bulkNice}: latency a viewer sees when its own device is not the limit`,
          viewers: probeCount,
          delivered: probeOurs.delivered,
          expected: probeOurs.expected,
          p50_ms: probeOurs.p50_ms,
          p99_ms: probeOurs.p99_ms,
          max_ms: probeOurs.max_ms,
          baseline: { delivered: probeBaseline.delivered, p50_ms: probeBaseline.p50_ms, p99_ms: probeBaseline.p99_ms, max_ms: probeBaseline.max_ms },
        },
        cpu: cpu(), // the measured window: sending, fan-out and the drain until all arrived
      };
    } finally {
      for (const worker of workers) worker.send({ type: 'stop' });
      await new Promise((r) => setTimeout(r, 2000));
      for (const worker of workers) worker.kill();
      await captioner.disconnect().catch(() => undefined);
      await dispose();
      await livekit.stop();
    }
  },
};
