import { useState, type FormEvent } from 'react';
import { createRoom, type NewRoom } from '../api/organiser';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { useProgramme } from '../programme/useProgramme';
import { ErrorNote, Loading } from '../ui/Async';
import { Field } from './Field';
import { useSave } from './useSave';

export function RoomsTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useProgramme(slug);
  const [room, setRoom] = useState<{ name: string; kind: NewRoom['kind']; capacity: string }>({ name: '', kind: 'forum-room', capacity: '' });
  const { save, feedback } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(async () => {
      await createRoom(slug, { name: room.name, kind: room.kind, capacity: room.capacity ? Number(room.capacity) : undefined });
      setRoom({ ...room, name: '' });
      reload();
      return t('org.saved', { name: room.name });
    });
  };
  return (
    <>
      <section aria-labelledby="org-rooms" className="panel">
        <h2 id="org-rooms">{t('org.tab.rooms')}</h2>
        {loading && <Loading />}
        {error ? <ErrorNote error={error} /> : null}
        {data && (
          <ul className="plain-list">
            {data.rooms.map((r) => (
              <li key={r.id}>
                <strong>{r.name}</strong> {r.kind && <span className="badge">{t(`roomKind.${r.kind}` as MessageKey)}</span>} {r.capacity ? t('org.capacity', { n: r.capacity }) : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="org-new-room" className="panel">
        <h2 id="org-new-room">{t('org.newRoom')}</h2>
        <form className="form" onSubmit={submit}>
          <Field id="nr-name" label={t('org.field.name')} value={room.name} onChange={(name) => setRoom({ ...room, name })} required />
          <div className="form-row">
            <label htmlFor="nr-kind">{t('org.field.roomKind')}</label>
            <select id="nr-kind" value={room.kind} onChange={(e) => setRoom({ ...room, kind: e.target.value as NewRoom['kind'] })}>
              {(['virtual-stage', 'forum-room', 'hall'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`roomKind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <Field id="nr-cap" label={t('org.field.capacity')} type="number" min={1} value={room.capacity} onChange={(capacity) => setRoom({ ...room, capacity })} />
          {feedback}
          <button type="submit" className="button--primary">
            {t('org.add')}
          </button>
        </form>
      </section>
    </>
  );
}
