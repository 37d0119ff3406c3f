import { useState, type FormEvent } from 'react';
import type { TrackWrite } from '../api/organiser';
import type { TrackView } from '../api/programme';
import { useI18n } from '../i18n/I18nProvider';
import { Field } from './Field';
import { FormActions } from './FormActions';
import { WriteProblem } from './WriteProblem';

const DEFAULT_COLOR = '#1f6feb';

/** The fields that differ from the stored track; "without colour" is sent as null. */
function changes(track: TrackView | undefined, v: { name: string; withColor: boolean; color: string }): TrackWrite {
  const name = v.name.trim();
  const color = v.withColor ? v.color.toLowerCase() : null;
  if (!track) return { name, color };
  const body: TrackWrite = {};
  if (name !== track.name) body.name = name;
  if (color !== (track.color?.toLowerCase() ?? null)) body.color = color;
  return body;
}

/** Name and colour of a track, for creating one (no `track`) and for editing one. */
export function TrackForm(props: { idPrefix: string; track?: TrackView; onSave(body: TrackWrite): Promise<string>; onCancel?(): void }) {
  const { idPrefix: p, track, onSave, onCancel } = props;
  const { t } = useI18n();
  const blank = { name: track?.name ?? '', withColor: track ? !!track.color : true, color: track?.color ?? DEFAULT_COLOR };
  const [v, setV] = useState(blank);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setStatus('');
    const body = changes(track, v);
    if (Object.keys(body).length === 0) return setStatus(t('org.session.unchanged'));
    try {
      const message = await onSave(body);
      // A created track empties the form for the next one; an edited one closes its editor instead.
      if (!track) setV({ ...blank, color: v.color });
      setStatus(message);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <Field id={`${p}-name`} label={t('org.field.name')} value={v.name} onChange={(name) => setV({ ...v, name })} required />
      <label className="checkbox">
        <input type="checkbox" checked={v.withColor} onChange={(e) => setV({ ...v, withColor: e.target.checked })} />
        {t('org.track.withColor')}
      </label>
      <div className="form-row">
        <label htmlFor={`${p}-color`}>{t('org.field.color')}</label>
        <input id={`${p}-color`} type="color" className="track-color-input" value={v.color} disabled={!v.withColor} onChange={(e) => setV({ ...v, color: e.target.value })} />
      </div>
      <FormActions saveLabel={track ? t('common.save') : t('org.addTrack')} onCancel={onCancel} />
      <WriteProblem error={error} />
      <p role="status">{status}</p>
    </form>
  );
}
