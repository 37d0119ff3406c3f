import { useRef, useState, type FormEvent } from 'react';
import { conflictsOf, createSession, updateSession, type ConflictInfo } from '../api/organiser';
import type { ProgrammeData, SessionKind, SessionView } from '../api/programme';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { Field } from './Field';
import { FormActions } from './FormActions';
import { PeoplePicker } from './PeoplePicker';
import { SaveProblem } from './SaveProblem';
import { createBody, emptyForm, formOf, KINDS, patchBody, ROLES, type SessionFormValues } from './session-form';

function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Creates a session (no `session`) or edits one: every field, its people, conflicts with "save anyway". */
export function SessionForm(props: { idPrefix: string; slug: string; programme: ProgrammeData; session?: SessionView; onSaved(saved: Pick<SessionView, 'id' | 'title'>): void; onCancel?(): void }) {
  const { idPrefix: p, slug, programme, session, onSaved, onCancel } = props;
  const { t, lang } = useI18n();
  const zone = programme.conference.timezone;
  const [v, setV] = useState<SessionFormValues>(() => (session ? formOf(session, zone) : emptyForm(programme.conference.startDate)));
  const [conflicts, setConflicts] = useState<ConflictInfo[] | null>(null);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState('');
  const busy = useRef(false);
  // Compared with what the form started from, so a change pushed meanwhile by someone else is not undone.
  const [base] = useState(session);
  const set = (patch: Partial<SessionFormValues>) => {
    setV((prev) => ({ ...prev, ...patch }));
    // A conflict or message about the old values would mislead once they change.
    setConflicts(null);
    setStatus('');
  };
  const send = async (force: boolean) => {
    if (busy.current) return;
    busy.current = true;
    setError(undefined);
    setConflicts(null);
    setStatus('');
    try {
      if (base) {
        const body = patchBody(v, base, zone);
        if (Object.keys(body).length === 0) return setStatus(t('org.session.unchanged'));
        await updateSession(base.id, force ? { ...body, force } : body);
        onSaved({ id: base.id, title: v.title });
      } else {
        const created = await createSession(slug, force ? { ...createBody(v, zone), force } : createBody(v, zone));
        setV({ ...emptyForm(v.date), roomId: v.roomId });
        setStatus(t('org.saved', { name: v.title }));
        onSaved({ id: created.id, title: v.title });
      }
    } catch (err) {
      const found = conflictsOf(err);
      if (found) setConflicts(found);
      else setError(err);
    } finally {
      busy.current = false;
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };
  const languages = [...new Set(['de', 'en', v.language])];
  return (
    <form className="form session-form" onSubmit={submit}>
      <Field id={`${p}-title`} label={t('org.field.title')} value={v.title} onChange={(title) => set({ title })} required />
      <div className="form-row">
        <label htmlFor={`${p}-kind`}>{t('org.field.kind')}</label>
        <select id={`${p}-kind`} value={v.kind} onChange={(e) => { const kind = e.target.value as SessionKind; set(session ? { kind } : { kind, livestream: kind !== 'break' }); }}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${p}-abstract`}>{t('org.field.abstract')}</label>
        <textarea id={`${p}-abstract`} value={v.abstract} maxLength={10_000} onChange={(e) => set({ abstract: e.target.value })} />
      </div>
      <div className="form-row">
        <label htmlFor={`${p}-language`}>{t('org.field.language')}</label>
        <select id={`${p}-language`} value={v.language} onChange={(e) => set({ language: e.target.value })}>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageName(code, lang)}
            </option>
          ))}
        </select>
      </div>
      <Field id={`${p}-date`} label={t('org.field.date')} type="date" value={v.date} onChange={(date) => set({ date })} required />
      <Field id={`${p}-start`} label={t('org.field.start')} type="time" value={v.start} onChange={(start) => set({ start })} required hint={t('org.field.zoneHint', { zone })} />
      <Field id={`${p}-end`} label={t('org.field.end')} type="time" value={v.end} onChange={(end) => set({ end })} required hint={t('org.field.endHint')} />
      <div className="form-row">
        <label htmlFor={`${p}-room`}>{t('org.field.room')}</label>
        <select id={`${p}-room`} value={v.roomId} onChange={(e) => set({ roomId: e.target.value })}>
          <option value="">{t('org.noRoom')}</option>
          {programme.rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${p}-track`}>{t('org.field.track')}</label>
        <select id={`${p}-track`} value={v.trackId} onChange={(e) => set({ trackId: e.target.value })}>
          <option value="">{t('org.noTrack')}</option>
          {programme.tracks.map((tr) => (
            <option key={tr.id} value={tr.id}>
              {tr.name}
            </option>
          ))}
        </select>
      </div>
      <Field id={`${p}-capacity`} label={t('org.field.capacity')} type="number" min={1} value={v.capacity} onChange={(capacity) => set({ capacity })} hint={t('org.field.capacityHint')} />
      <label className="checkbox">
        <input type="checkbox" checked={v.livestream} onChange={(e) => set({ livestream: e.target.checked })} />
        {t('org.field.livestream')}
      </label>
      {programme.people.length === 0 ? <p className="muted small">{t('org.people.nobody')}</p> : ROLES.map((role) => <PeoplePicker key={role} id={`${p}-${role}`} role={role} chosen={v.people[role]} people={programme.people} onChange={(ids) => set({ people: { ...v.people, [role]: ids } })} />)}
      <FormActions saveLabel={session ? t('common.save') : t('org.addSession')} onCancel={onCancel} />
      <SaveProblem error={error} conflicts={conflicts} people={programme.people} onForce={() => void send(true)} />
      <p role="status">{status}</p>
    </form>
  );
}
