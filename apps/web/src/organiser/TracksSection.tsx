import { createTrack, deleteTrack, updateTrack } from '../api/organiser';
import type { TrackView } from '../api/programme';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote } from '../ui/Async';
import { ConfirmButton } from '../ui/ConfirmButton';
import { TrackForm } from './TrackForm';
import { useEditorPanel } from './useEditorPanel';
import { useRowEditor } from './useRowEditor';

const trackEditorId = (id: string) => `edit-track-${id}`;

/** A colour dot; decoration only, the name says which track it is. */
const Swatch = ({ color }: { color?: string | null }) => <span className="track-swatch" aria-hidden="true" style={color ? { background: color } : undefined} />;

/** The conference's tracks: list, create, rename, recolour, delete. `changed` reloads the programme. */
export function TracksSection({ slug, tracks, changed }: { slug: string; tracks: TrackView[]; changed(): void }) {
  const { t } = useI18n();
  const rows = useRowEditor();
  return (
    <>
      <section aria-labelledby="org-tracks" className="panel">
        <h2 id="org-tracks" ref={rows.heading} tabIndex={-1}>
          {t('org.tracks')}
        </h2>
        <p role="status">{rows.status}</p>
        {tracks.length === 0 && <p className="muted">{t('org.track.none')}</p>}
        <ul className="plain-list resource-rows">
          {tracks.map((track) => (
            <li key={track.id} data-track-id={track.id}>
              <Swatch color={track.color} /> <strong>{track.name}</strong>{' '}
              <button
                type="button"
                ref={rows.buttonRef(track.id)}
                aria-label={`${t('org.session.edit')}: ${track.name}`}
                aria-expanded={rows.editing === track.id}
                aria-controls={rows.editing === track.id ? trackEditorId(track.id) : undefined}
                onClick={() => rows.toggle(track.id)}
              >
                {t('org.session.edit')}
              </button>
              {rows.editing === track.id && (
                <TrackEditor
                  slug={slug}
                  track={track}
                  onClose={(message) => {
                    rows.close(track.id, message);
                    if (message) changed();
                  }}
                  onDeleted={(name) => {
                    rows.removed(t('org.track.deleted', { name }));
                    changed();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="org-new-track" className="panel">
        <h2 id="org-new-track">{t('org.newTrack')}</h2>
        <TrackForm
          idPrefix="nt"
          onSave={async (body) => {
            const saved = await createTrack(slug, { ...body, name: body.name ?? '' });
            changed();
            return t('org.saved', { name: saved.name });
          }}
        />
      </section>
    </>
  );
}

function TrackEditor({ slug, track, onClose, onDeleted }: { slug: string; track: TrackView; onClose(message?: string): void; onDeleted(name: string): void }) {
  const { t } = useI18n();
  const id = trackEditorId(track.id);
  const { heading, error, remove } = useEditorPanel(() => deleteTrack(slug, track.id), () => onDeleted(track.name));
  return (
    <section id={id} className="panel session-editor" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t('org.track.editTitle', { name: track.name })}
      </h3>
      <TrackForm
        idPrefix={id}
        track={track}
        onSave={async (body) => {
          const saved = await updateTrack(slug, track.id, body);
          const message = t('org.saved', { name: saved.name });
          onClose(message);
          return message;
        }}
        onCancel={() => onClose()}
      />
      <div className="session-editor__delete">
        <ConfirmButton question={t('org.track.deleteQuestion', { name: track.name })} onConfirm={() => void remove()}>
          {t('org.track.delete')}
        </ConfirmButton>
        <p className="muted small">{t('org.track.deleteHint')}</p>
        {error ? <ErrorNote error={error} /> : null}
      </div>
    </section>
  );
}
