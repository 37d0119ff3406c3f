import { Room } from '@livekit/rtc-node';
import { JwtService } from '@nestjs/jwt';
import { RoomServiceClient } from 'livekit-server-sdk';
import { Client } from 'pg';
import { roomNameFor } from '@podium/livestream';
import { summarise } from './stats';

/** Shared by the multi-node scenarios: sessions with rooms, real rtc-node participants, stage changes through the api. */

export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
const jwt = new JwtService({ secret: BENCH_JWT_SECRET, signOptions: { algorithm: 'HS256', expiresIn: 3 * 3600, issuer: 'podium' } });

export interface BenchRoom {
  sessionId: string;
  room: string;
  moderatorToken: string;
  people: { personId: string; token: string; rtc?: Room }[];
}

/** `rooms` live sessions of one conference, each with a moderator and `participants` attendees (plain SQL, tokens signed here). */
export async function createRooms(db: Client, rooms: number, participants: number): Promise<BenchRoom[]> {
  const { rows: [conference] } = await db.query(`INSERT INTO conference (slug, title, start_date, end_date, published) VALUES ('multinode', 'Mehrknoten', current_date, current_date, true) RETURNING id`);
  const out: BenchRoom[] = [];
  for (let r = 0; r < rooms; r++) {
    const { rows: [session] } = await db.query(
      `INSERT INTO session (conference_id, kind, title, starts_at, ends_at, status, livestream) VALUES ($1, 'panel', $2, now() - interval '5 minutes', now() + interval '2 hours', 'live', true) RETURNING id`,
      [conference.id, `Forum ${r + 1}`],
    );
    const { rows: people } = await db.query(`INSERT INTO person (display_name) SELECT 'Forum ' || $1 || ' Person ' || g FROM generate_series(0, $2) g RETURNING id`, [r + 1, participants]);
    const ids = people.map((p) => p.id as string);
    await db.query(`INSERT INTO conference_role (conference_id, person_id, role) SELECT $1, unnest($2::uuid[]), 'attendee'`, [conference.id, ids]);
    await db.query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, 'moderator')`, [session.id, ids[0]]);
    const tokens = await Promise.all(ids.map((sub) => jwt.signAsync({ sub, typ: 'session' })));
    out.push({ sessionId: session.id, room: roomNameFor(session.id, 'stage'), moderatorToken: tokens[0], people: ids.slice(1).map((personId, i) => ({ personId, token: tokens[i + 1] })) });
  }
  return out;
}

/** Join through the api (token), then a real signal and media connection (rtc-node, no subscriptions). */
export async function joinAll(rooms: BenchRoom[], apiUrls: string[]): Promise<{ joins: number; joins_ok: number; p50_ms: number; p99_ms: number; errors: Record<string, number> }> {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let joins = 0;
  // Rooms in parallel, people of a room one after another: the api creates each room once.
  await Promise.all(
    rooms.map(async (r, i) => {
      for (const p of r.people) {
        joins++;
        const t0 = performance.now();
        try {
          const res = await fetch(`${apiUrls[i % apiUrls.length]}/api/sessions/${r.sessionId}/join`, { method: 'POST', headers: { authorization: `Bearer ${p.token}` } });
          if (res.status !== 200) throw new Error(`join ${res.status}`);
          const grant = (await res.json()) as { url: string; token: string };
          const rtc = new Room();
          await rtc.connect(grant.url, grant.token, { autoSubscribe: false, dynacast: false });
          p.rtc = rtc;
          latencies.push(performance.now() - t0);
        } catch (error) {
          const key = (error as Error).message.slice(0, 80);
          errors[key] = (errors[key] ?? 0) + 1;
        }
      }
    }),
  );
  const s = summarise(latencies);
  return { joins, joins_ok: latencies.length, p50_ms: s.p50_ms, p99_ms: s.p99_ms, errors };
}

/**
 * On, off, on for the first participant of every room through the api (alternating processes); a change
 * counts as ok when the api applied it and LiveKit reports the permission.
 */
export async function stageChanges(rooms: BenchRoom[], apiUrls: string[], livekit: RoomServiceClient): Promise<{ stage_changes: number; stage_changes_ok: number; p50_ms: number }> {
  let changes = 0;
  const ok: number[] = [];
  await Promise.all(
    rooms.map(async (r, i) => {
      const person = r.people[0];
      for (const onStage of [true, false, true]) {
        changes++;
        const t0 = performance.now();
        try {
          const res = await fetch(`${apiUrls[(i + 1) % apiUrls.length]}/api/sessions/${r.sessionId}/stage/${person.personId}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${r.moderatorToken}`, 'content-type': 'application/json' },
            body: JSON.stringify({ onStage }),
          });
          const body = (await res.json()) as { applied?: boolean };
          const seen = (await livekit.getParticipant(r.room, person.personId)).permission?.canPublish === onStage;
          if (res.status === 200 && body.applied && seen) ok.push(performance.now() - t0);
        } catch {
          /* counted as not ok */
        }
      }
    }),
  );
  return { stage_changes: changes, stage_changes_ok: ok.length, p50_ms: summarise(ok).p50_ms };
}

export async function disconnectAll(rooms: BenchRoom[]): Promise<void> {
  for (const r of rooms) for (const p of r.people) await p.rtc?.disconnect().catch(() => undefined);
}
