// Stage changes: moderator API call until the participant sees it, vs a bare updateParticipant in the same run.
import { Room, RoomEvent, dispose } from '@livekit/rtc-node';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { attributesPatch, participantAttributes, roomNameFor, stagePermission, toParticipantPermission, toVideoGrant } from '@podium/livestream';
import { progress } from '../support/progress';
import { ratio, summarise } from '../support/stats';
import type { BenchOptions } from '../support/options';
import type { Scenario } from './index';
import { startLivestreamStack } from './joinstorm';

/** Resolves when the connected participant's own `stage` attribute becomes `want` (sent with the new permission). */
function seen(room: Room, want: 'true' | 'false'): Promise<void> {
  return new Promise((ok) => {
    const on = (changed: Record<string, string>, participant: { identity: string }) => {
      if (participant.identity !== room.localParticipant?.identity || changed.stage !== want) return;
      room.off(RoomEvent.ParticipantAttributesChanged, on);
      ok();
    };
    room.on(RoomEvent.ParticipantAttributesChanged, on);
  });
}

async function timed(room: Room, want: 'true' | 'false', act: () => Promise<unknown>): Promise<{ call: number; seen: number }> {
  const visible = seen(room, want);
  const t0 = performance.now();
  await act();
  const call = performance.now() - t0;
  await visible;
  return { call, seen: performance.now() - t0 };
}

export const stage: Scenario = {
  name: 'stage',
  summary: 'on/off stage through the api until the participant sees it (--changes, default 50), vs bare updateParticipant',
  async run(options: BenchOptions) {
    const changes = options.int('changes', 50);
    const stack = await startLivestreamStack('stage');
    const rooms: Room[] = [];
    try {
      const [moderatorId, attendeeId] = await stack.attendees(2);
      await stack.db.query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, 'moderator')`, [stack.sessionId, moderatorId]);
      const moderator = await stack.sessionToken(moderatorId);
      const joined = await fetch(`${stack.api.url}/api/sessions/${stack.sessionId}/join`, { method: 'POST', headers: { authorization: `Bearer ${await stack.sessionToken(attendeeId)}` } });
      const grant = (await joined.json()) as { url: string; token: string };
      const attendee = new Room();
      rooms.push(attendee);
      await attendee.connect(grant.url, grant.token, { autoSubscribe: false, dynacast: false });

      progress(`${changes} stage changes through POST /api/sessions/:id/stage/:personId`);
      const ours: { call: number; seen: number }[] = [];
      for (let i = 0; i < changes; i++) {
        const onStage = i % 2 === 0;
        ours.push(
          await timed(attendee, onStage ? 'true' : 'false', async () => {
            const res = await fetch(`${stack.api.url}/api/sessions/${stack.sessionId}/stage/${attendeeId}`, {
              method: 'POST',
              headers: { authorization: `Bearer ${moderator}`, 'content-type': 'application/json' },
              body: JSON.stringify({ onStage }),
            });
            if (res.status !== 200) throw new Error(`stage change: ${res.status} ${await res.text()}`);
          }),
        );
      }

      progress(`baseline: ${changes} bare updateParticipant calls in a room the api does not manage`);
      const client = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret);
      const bareRoom = 'bench-bare-room';
      const at = new AccessToken(stack.livekit.apiKey, stack.livekit.apiSecret, { identity: 'bare', ttl: 600, attributes: { ...participantAttributes('attendee', false) } });
      at.addGrant(toVideoGrant(stagePermission('attendee', false), bareRoom));
      const bare = new Room();
      rooms.push(bare);
      await bare.connect(stack.livekit.url, await at.toJwt(), { autoSubscribe: false, dynacast: false });
      const baseline: { call: number; seen: number }[] = [];
      let current: Record<string, string> = { ...participantAttributes('attendee', false) };
      for (let i = 0; i < changes; i++) {
        const onStage = i % 2 === 0;
        const desired = participantAttributes('attendee', onStage);
        const patch = attributesPatch(current, desired);
        current = { ...desired };
        baseline.push(
          await timed(bare, onStage ? 'true' : 'false', () =>
            client.updateParticipant(bareRoom, 'bare', { permission: toParticipantPermission(stagePermission('attendee', onStage)), attributes: patch }),
          ),
        );
      }
      const s = summarise(ours.map((x) => x.seen));
      const b = summarise(baseline.map((x) => x.seen));
      return {
        changes,
        p50_ms: s.p50_ms,
        p99_ms: s.p99_ms,
        api_call_p50_ms: summarise(ours.map((x) => x.call)).p50_ms,
        baseline: { p50_ms: b.p50_ms, p99_ms: b.p99_ms, call_p50_ms: summarise(baseline.map((x) => x.call)).p50_ms },
        ratio_p50: ratio(s.p50_ms, b.p50_ms),
        ratio_p99: ratio(s.p99_ms, b.p99_ms),
        seen_by: 'rtc-node ParticipantAttributesChanged on the participant itself (stage attribute, sent with the new permission)',
      };
    } finally {
      for (const room of rooms) await room.disconnect().catch(() => undefined);
      await dispose();
      await stack.stop();
    }
  },
};
