import { useEffect, useReducer, useState } from 'react';
import { useMaybeRoomContext } from '@livekit/components-react';
import { RoomEvent } from 'livekit-client';
import { lockRoom, lockState, setOnStage, type StageChange } from '../api/moderation';
import type { ProgrammeData, SessionView } from '../api/programme';
import { useI18n } from '../i18n/I18nProvider';
import { peopleOf } from '../programme/helpers';
import { ParticipantActions } from './ParticipantActions';
import type { RunCommand } from './useCommand';

interface Props {
  sessionId: string;
  info: SessionView | undefined;
  programme: ProgrammeData | undefined;
  myId: string | undefined;
  busy: boolean;
  run: RunCommand;
}

/** One row of the stage list: a speaker of the session and/or someone connected to the stage room. */
export interface StageCandidate {
  personId: string;
  name: string;
  speaker: boolean;
  connected: boolean;
  /** What the moderator should see as the current state (see `stageState`). */
  onStage: boolean;
}

interface RoomPerson {
  personId: string;
  name: string;
  /** LiveKit's `stage` attribute, when the participant has one. */
  stage: boolean | undefined;
}

/**
 * The current state, most trustworthy first: what this console set last (until LiveKit reports a
 * newer attribute), the participant's `stage` attribute, and the default (speakers are on stage).
 */
export function stageState(local: boolean | undefined, attribute: boolean | undefined, speaker: boolean): boolean {
  return local ?? attribute ?? speaker;
}

/** Speakers first (programme order), then everyone else who is present, by name. */
export function stageCandidates(
  speakers: { personId: string; name: string }[],
  present: RoomPerson[],
  local: ReadonlyMap<string, boolean>,
  skip: ReadonlySet<string>,
): StageCandidate[] {
  const rows: StageCandidate[] = [];
  const seen = new Set<string>();
  for (const s of speakers) {
    if (skip.has(s.personId) || seen.has(s.personId)) continue;
    seen.add(s.personId);
    const there = present.find((p) => p.personId === s.personId);
    rows.push({ personId: s.personId, name: s.name || there?.name || s.personId, speaker: true, connected: !!there, onStage: stageState(local.get(s.personId), there?.stage, true) });
  }
  const others = present
    .filter((p) => !skip.has(p.personId) && !seen.has(p.personId))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ personId: p.personId, name: p.name || p.personId, speaker: false, connected: true, onStage: stageState(local.get(p.personId), p.stage, false) }));
  return [...rows, ...others];
}

/** Who is in the LiveKit stage room right now (people only: no production desk), kept current. */
function usePresent(): RoomPerson[] {
  const room = useMaybeRoomContext();
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!room) return;
    const events = [RoomEvent.ParticipantConnected, RoomEvent.ParticipantDisconnected, RoomEvent.ParticipantAttributesChanged, RoomEvent.ParticipantNameChanged, RoomEvent.Connected, RoomEvent.Reconnected];
    for (const e of events) room.on(e, bump);
    return () => {
      for (const e of events) room.off(e, bump);
    };
  }, [room]);
  if (!room) return [];
  return [...room.remoteParticipants.values()]
    .filter((p) => !p.identity.startsWith('desk:'))
    .map((p) => ({ personId: p.identity, name: p.name ?? '', stage: p.attributes?.stage === undefined ? undefined : p.attributes.stage === 'true' }));
}

/** Put a speaker or anyone present on stage or take them off, mute or remove them; lock the room against new joins. */
export function StagePanel({ sessionId, info, programme, myId, busy, run }: Props) {
  const { t } = useI18n();
  const present = usePresent();
  const [local, setLocal] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [locked, setLocked] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    lockState(sessionId).then((r) => live && setLocked(r.locked), () => undefined);
    return () => {
      live = false;
    };
  }, [sessionId]);

  // A newer attribute from LiveKit wins over what this console remembers.
  const attributeKey = present.map((p) => `${p.personId}:${p.stage}`).join(',');
  useEffect(() => {
    setLocal((prev) => {
      const next = new Map(prev);
      for (const p of present) if (p.stage !== undefined && next.get(p.personId) === p.stage) next.delete(p.personId);
      return next.size === prev.size ? prev : next;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attributeKey]);

  const people = info && programme ? peopleOf(info, programme) : [];
  const speakers = people.filter((p) => p.role === 'speaker').map((p) => ({ personId: p.personId, name: p.name }));
  // Moderators and interpreters always publish: nothing to switch for them (nor for myself).
  const skip = new Set(people.filter((p) => p.role !== 'speaker').map((p) => p.personId));
  if (myId) skip.add(myId);
  const rows = stageCandidates(speakers, present, local, skip);

  const change = (row: StageCandidate, onStage: boolean) =>
    run(
      async () => {
        const result = await setOnStage(sessionId, row.personId, onStage);
        setLocal((prev) => new Map(prev).set(row.personId, result.onStage));
        return result;
      },
      (result: StageChange) => {
        const done = t(result.onStage ? 'mod.stage.onOk' : 'mod.stage.offOk', { name: row.name });
        if (!result.applied) return `${done} ${t('mod.stage.recorded')}`;
        if (!result.connected) return `${done} ${t('mod.stage.notConnected')}`;
        return done;
      },
    );

  const setLock = (next: boolean) =>
    run(
      async () => {
        const result = await lockRoom(sessionId, next);
        setLocked(result.locked);
        return result;
      },
      (result: { locked: boolean }) => t(result.locked ? 'mod.lock.lockedOk' : 'mod.lock.unlockedOk'),
    );

  return (
    <section aria-labelledby="mod-stage-people-heading" className="panel stage-people">
      <h2 id="mod-stage-people-heading">{t('mod.stage.heading')}</h2>
      <p className="muted small">{t('mod.stage.hint')}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('mod.stage.nobody')}</p>
      ) : (
        <ul className="plain-list stage-people__list">
          {rows.map((row) => (
            <li key={row.personId} className="stage-people__row" data-person={row.personId}>
              <span className="stage-people__who">
                <strong>{row.name}</strong>{' '}
                {row.speaker && <span className="badge">{t('mod.stage.speaker')}</span>}{' '}
                <span className="badge">{t(row.connected ? 'mod.stage.connected' : 'mod.stage.away')}</span>{' '}
                <span className={`badge${row.onStage ? ' badge--live' : ''}`}>{t(row.onStage ? 'mod.stage.isOn' : 'mod.stage.isOff')}</span>
              </span>
              <span className="stage-people__actions">
                {/* One button that changes its label, so keyboard focus stays on it after the change. */}
                <button
                  type="button"
                  className={row.onStage ? undefined : 'button--primary'}
                  aria-disabled={busy}
                  onClick={() => !busy && change(row, !row.onStage)}
                >
                  {t(row.onStage ? 'mod.stage.takeOff' : 'mod.stage.putOn')}
                  <span className="visually-hidden">: {row.name}</span>
                </button>
                {row.connected && <ParticipantActions sessionId={sessionId} personId={row.personId} name={row.name} busy={busy} run={run} />}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('mod.lock.heading')}</h3>
      <p className="muted small">{t('mod.lock.hint')}</p>
      <p data-testid="room-lock-state">{t(locked === null ? 'mod.lock.unknown' : locked ? 'mod.lock.isLocked' : 'mod.lock.isOpen')}</p>
      <div className="actions">
        <button type="button" aria-disabled={busy || locked === true} onClick={() => !busy && locked !== true && setLock(true)}>
          {t('mod.lock.lock')}
        </button>
        <button type="button" aria-disabled={busy || locked === false} onClick={() => !busy && locked !== false && setLock(false)}>
          {t('mod.lock.unlock')}
        </button>
      </div>
    </section>
  );
}
