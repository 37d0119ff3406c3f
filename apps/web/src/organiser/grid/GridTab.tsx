import { useMemo, useRef, useState } from 'react';
import { conflictsOf, updateSession, type ConflictInfo } from '../../api/organiser';
import { loadProgramme, type SessionView } from '../../api/programme';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/format';
import { useProgramme } from '../../programme/useProgramme';
import { ErrorNote, Loading } from '../../ui/Async';
import { SaveProblem } from '../SaveProblem';
import { utcToZoned } from '../zoned';
import { GridBoard, type Placed } from './GridBoard';
import { dayChangeMinutes } from '../../programme/helpers';
import { clock, dayWindow, dropped, instantAt, minuteOfDay, programmeDay, type Slot } from './geometry';
import { loadRegistrations, staleOf, type StaleRefusal } from './grid-api';
import { conflictInput, conflictsOfMove } from './live-conflicts';
import { useGridMove, type Move } from './useGridMove';
import './grid.css';

interface Asked {
  move: Move;
  conflicts: ConflictInfo[];
}

/** Organisers: the programme as rooms by time per day; sessions are moved by pointer or keyboard, every drop a versioned write. */
export function GridTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { data, error, loading, setData } = useProgramme(slug, { live: true });
  const [day, setDay] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [asked, setAsked] = useState<Asked | null>(null);
  const [stale, setStale] = useState<{ title: string; refusal: StaleRefusal } | null>(null);
  const [writeError, setWriteError] = useState<unknown>();
  const [saving, setSaving] = useState<Move | null>(null);
  const registrations = useRef(new Map<string, number>());
  const columns = useRef<HTMLDivElement>(null);

  const zone = data?.conference.timezone ?? 'UTC';
  const f = useFormat(data?.conference.timezone);
  const shown = day ?? data?.conference.days[0] ?? '';
  const dayChange = dayChangeMinutes(data?.conference.dayChange);
  const rooms = useMemo(() => [...(data?.rooms ?? [])].sort((a, b) => a.position - b.position), [data]);
  const placed: Placed[] = useMemo(() => {
    const list: Placed[] = [];
    for (const s of data?.sessions ?? []) {
      const room = rooms.findIndex((r) => r.id === s.roomId);
      // A session at 01:30 before a 04:00 day change belongs to the day before (minutes past 1440 there).
      if (room < 0 || programmeDay(s.start, zone, dayChange) !== shown) continue;
      list.push({ session: s, slot: { room, start: minuteOfDay(s.start, shown, zone), end: minuteOfDay(s.end, shown, zone) } });
    }
    return list;
  }, [data, rooms, shown, zone, dayChange]);
  const unplaced = useMemo(() => (data?.sessions ?? []).filter((s) => !s.roomId), [data]);
  const w = useMemo(() => dayWindow(placed.map((p) => p.slot), 8 * 60, 20 * 60, dayChange), [placed, dayChange]);
  const input = useMemo(() => (data ? conflictInput(data) : null), [data]);

  const roomName = (slot: Slot) => rooms[slot.room]?.name ?? '';
  const at = (slot: Slot) => t('org.grid.at', { room: roomName(slot), start: clock(slot.start), end: clock(slot.end) });
  const where = (slot: Slot, on: string | null = null) => (on ? t('org.grid.onDay', { day: f.day(on), where: at(slot) }) : at(slot));
  const target = (slot: Slot, on: string | null = null) => ({ start: instantAt(slot.start, on ?? shown, zone), end: instantAt(slot.end, on ?? shown, zone), roomId: rooms[slot.room]?.id ?? null });
  const conflictsAt = (m: Move) => (input ? conflictsOfMove(input, m.session, target(m.slot, m.day), registrations.current.get(m.session.id)) : []);

  const refresh = async () => {
    try {
      const fresh = await loadProgramme(slug);
      setData(() => fresh);
    } catch {
      // The grid keeps what it shows; the live link loads it again on the next change.
    }
  };

  const write = async (m: Move, force: boolean) => {
    setAsked(null);
    setStale(null);
    setWriteError(undefined);
    const s = m.session;
    if (!force) {
      const found = conflictsAt(m);
      if (found.length) {
        setAsked({ move: m, conflicts: found });
        setStatus(t('org.grid.asks', { title: s.title, count: found.length }));
        return;
      }
    }
    setSaving(m);
    try {
      await updateSession(s.id, { ...target(m.slot, m.day), expected: { start: s.start, end: s.end, roomId: s.roomId }, ...(force ? { force: true } : {}) });
      await refresh();
      setStatus(t('org.grid.saved', { title: s.title, where: where(m.slot, m.day) }));
    } catch (err) {
      const refusal = staleOf(err);
      const found = conflictsOf(err);
      if (refusal) {
        setStale({ title: s.title, refusal });
        await refresh();
      } else if (found) setAsked({ move: m, conflicts: found });
      else setWriteError(err);
    } finally {
      setSaving(null);
    }
  };

  const grid = useGridMove({
    rooms: rooms.length,
    window: w,
    columns,
    days: data?.conference.days ?? [],
    shown,
    onStart: (m) => {
      setAsked(null);
      setStale(null);
      void loadRegistrations(m.session.id).then((n) => registrations.current.set(m.session.id, n), () => undefined);
      setStatus(m.by === 'keyboard' ? t('org.grid.picked', { title: m.session.title, where: where(m.slot) }) : '');
    },
    onChange: (m) => {
      if (m.by !== 'keyboard') return;
      const found = conflictsAt(m);
      setStatus(found.length ? t('org.grid.movedClash', { where: where(m.slot, m.day), count: found.length }) : where(m.slot, m.day));
    },
    onDrop: (m) => void write(m, false),
    onCancel: (m) => setStatus(t('org.grid.cancelled', { title: m.session.title })),
  });

  const live = grid.move ?? asked?.move ?? saving;
  const liveConflicts = useMemo(() => (grid.move ? conflictsAt(grid.move) : (asked?.conflicts ?? [])), [grid.move, asked, input]);
  const clashing = new Set(liveConflicts.flatMap((c) => ('other' in c ? [c.other.id] : [])));
  if (live && liveConflicts.length) clashing.add(live.session.id);
  const placeOf = (s: SessionView): Slot => {
    const start = Math.max(w.from, minuteOfDay(s.start, shown, zone) % 1440);
    return dropped((Date.parse(s.end) - Date.parse(s.start)) / 60_000, 0, start, rooms.length, w);
  };

  if (loading && !data) return <Loading />;
  if (error) return <ErrorNote error={error} />;
  if (!data) return null;
  return (
    <section aria-labelledby="org-grid" className="panel grid-tab">
      <h2 id="org-grid">{t('org.tab.grid')}</h2>
      <p id="grid-help" className="muted small">
        {t('org.grid.help')}
      </p>
      <nav aria-label={t('org.grid.days')} className="grid-days">
        {data.conference.days.map((d) => (
          <button key={d} type="button" aria-pressed={d === shown} data-grid-day={d} className={grid.move?.day === d ? 'grid-days__target' : undefined} onClick={() => setDay(d)}>
            {f.day(d)}
          </button>
        ))}
      </nav>
      <p role="status" className="grid-status" data-testid="grid-status">
        {status}
      </p>
      {grid.move && liveConflicts.length > 0 && (
        <div className="notice notice--warning" data-testid="grid-live-conflicts">
          <p>{t('org.grid.liveConflicts')}</p>
          <ul>
            {liveConflicts.map((c, i) => (
              <li key={i}>{'other' in c ? c.other.title : c.kind === 'capacity-exceeded' ? t('org.session.conflict.capacity', { capacity: c.capacity, registrations: c.registrations }) : t('org.session.conflict.outside')}</li>
            ))}
          </ul>
        </div>
      )}
      {asked && (
        <div data-testid="grid-ask">
          <SaveProblem error={undefined} conflicts={asked.conflicts} people={data.people} onForce={() => void write(asked.move, true)} />
          <button type="button" onClick={() => { setAsked(null); setStatus(t('org.grid.cancelled', { title: asked.move.session.title })); }}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {stale && <StaleNote title={stale.title} refusal={stale.refusal} zone={zone} day={f.day} roomName={(id) => rooms.find((r) => r.id === id)?.name ?? t('org.noRoom')} />}
      <SaveProblem error={writeError} conflicts={null} people={data.people} onForce={() => undefined} />
      {rooms.length === 0 ? (
        <p>{t('org.grid.noRooms')}</p>
      ) : (
        <GridBoard
          rooms={rooms}
          window={w}
          placed={placed}
          move={live}
          picked={grid.move?.session.id ?? null}
          clashing={clashing}
          columns={columns}
          onPointerDown={(e, p, mode) => grid.pointerDown(e, p.session, p.slot, mode)}
          onPointerMove={grid.pointerMove}
          onPointerUp={grid.pointerUp}
          onKeyDown={(e, p) => grid.keyDown(e, p.session, p.slot, () => p.slot)}
          onBlur={grid.blur}
        />
      )}
      <h3>{t('org.grid.unplaced')}</h3>
      {unplaced.length === 0 ? (
        <p className="muted">{t('org.grid.unplacedNone')}</p>
      ) : (
        <ul className="plain-list grid-unplaced">
          {unplaced.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="grid-unplaced__item"
                data-session-id={s.id}
                aria-describedby="grid-help"
                aria-pressed={grid.move?.session.id === s.id}
                onPointerDown={(e) => grid.pointerDown(e, s, null, 'place')}
                onPointerMove={grid.pointerMove}
                onPointerUp={grid.pointerUp}
                onKeyDown={(e) => grid.keyDown(e, s, null, () => placeOf(s))}
                onBlur={grid.blur}
              >
                {s.title} <span className="muted">({Math.round((Date.parse(s.end) - Date.parse(s.start)) / 60_000)} min)</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A refused stale move: what someone else changed meanwhile, and where the session is now. */
function StaleNote({ title, refusal, zone, day, roomName }: { title: string; refusal: StaleRefusal; zone: string; day(date: string): string; roomName(id: string | null): string }) {
  const { t } = useI18n();
  const start = utcToZoned(refusal.current.start, zone);
  const end = utcToZoned(refusal.current.end, zone);
  const changed = refusal.changed.map((f) => t(f === 'roomId' ? 'org.field.room' : f === 'start' ? 'org.field.start' : 'org.field.end')).join(', ');
  return (
    <div role="alert" className="notice notice--error" data-testid="grid-stale">
      <p>{t('org.grid.stale', { title, changed })}</p>
      <p>{t('org.grid.staleNow', { room: roomName(refusal.current.roomId), date: day(start.date), start: start.time, end: end.time })}</p>
    </div>
  );
}
