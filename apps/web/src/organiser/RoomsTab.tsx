import { useState, type FormEvent } from 'react';
import { createRoom, type RoomKind } from '../api/organiser';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { useProgramme } from '../programme/useProgramme';
import { ErrorNote, Loading } from '../ui/Async';
import { Field } from './Field';
import { RoomEditor, roomEditorId } from './RoomEditor';
import { RoomKindSelect } from './RoomKindSelect';
import { TracksSection } from './TracksSection';
import { useRowEditor } from './useRowEditor';
import { useSave } from './useSave';

/** Rooms (list, edit, delete, create) and the conference's tracks. */
export function RoomsTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  // reload() asks the api, not the page cache, so every write shows at once here and on the other pages.
  const { data, error, loading, reload } = useProgramme(slug);
  const rows = useRowEditor();
  const [room, setRoom] = useState<{ name: string; kind: RoomKind; capacity: string; changeover: string }>({ name: '', kind: 'forum-room', capacity: '', changeover: '' });
  const { save, feedback } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(async () => {
      await createRoom(slug, { name: room.name, kind: room.kind, capacity: room.capacity ? Number(room.capacity) : undefined, changeoverMinutes: room.changeover ? Number(room.changeover) : undefined });
      setRoom({ ...room, name: '' });
      reload();
      return t('org.saved', { name: room.name });
    });
  };
  return (
    <>
      <section aria-labelledby="org-rooms" className="panel">
        <h2 id="org-rooms" ref={rows.heading} tabIndex={-1}>
          {t('org.tab.rooms')}
        </h2>
        {loading && !data && <Loading />}
        {error ? <ErrorNote error={error} /> : null}
        <p role="status">{rows.status}</p>
        {data && (
          <ul className="plain-list resource-rows">
            {data.rooms.map((r) => (
              <li key={r.id} data-room-id={r.id}>
                <strong>{r.name}</strong> {r.kind && <span className="badge">{t(`roomKind.${r.kind}` as MessageKey)}</span>} {r.capacity ? t('org.capacity', { n: r.capacity }) : ''}{' '}
                {r.changeoverMinutes ? <span className="muted">{t('org.room.changeover', { n: r.changeoverMinutes })}</span> : null}{' '}
                <button
                  type="button"
                  ref={rows.buttonRef(r.id)}
                  aria-label={`${t('org.session.edit')}: ${r.name}`}
                  aria-expanded={rows.editing === r.id}
                  aria-controls={rows.editing === r.id ? roomEditorId(r.id) : undefined}
                  onClick={() => rows.toggle(r.id)}
                >
                  {t('org.session.edit')}
                </button>
                {rows.editing === r.id && (
                  <RoomEditor
                    slug={slug}
                    room={r}
                    onClose={(message) => {
                      rows.close(r.id, message);
                      if (message) reload();
                    }}
                    onDeleted={(name) => {
                      rows.removed(t('org.room.deleted', { name }));
                      reload();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="org-new-room" className="panel">
        <h2 id="org-new-room">{t('org.newRoom')}</h2>
        <form className="form" onSubmit={submit}>
          <Field id="nr-name" label={t('org.field.name')} value={room.name} onChange={(name) => setRoom({ ...room, name })} required />
          <RoomKindSelect id="nr-kind" value={room.kind} onChange={(kind) => setRoom({ ...room, kind })} />
          <Field id="nr-cap" label={t('org.field.capacity')} type="number" min={1} value={room.capacity} onChange={(capacity) => setRoom({ ...room, capacity })} />
          <Field id="nr-changeover" label={t('org.field.changeover')} type="number" min={0} max={24 * 60} value={room.changeover} onChange={(changeover) => setRoom({ ...room, changeover })} hint={t('org.field.changeoverHint')} />
          {feedback}
          <button type="submit" className="button--primary">
            {t('org.addRoom')}
          </button>
        </form>
      </section>
      {data && <TracksSection slug={slug} tracks={data.tracks} changed={reload} />}
    </>
  );
}
