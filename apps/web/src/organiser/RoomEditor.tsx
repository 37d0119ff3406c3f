import { useState, type FormEvent } from 'react';
import { deleteRoom, updateRoom, type RoomKind, type RoomWrite } from '../api/organiser';
import type { RoomView } from '../api/programme';
import { useI18n } from '../i18n/I18nProvider';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Field } from './Field';
import { useEditorPanel } from './useEditorPanel';
import { FormActions } from './FormActions';
import { RoomKindSelect } from './RoomKindSelect';
import { WriteProblem } from './WriteProblem';

export const roomEditorId = (id: string) => `edit-room-${id}`;
const CHANGEOVER_MAX = 24 * 60;

/** The fields that differ from the stored room; an emptied capacity is sent as null (the room has none). */
function changes(room: RoomView, v: { name: string; kind: RoomKind; capacity: string; changeover: string }): RoomWrite {
  const body: RoomWrite = {};
  const name = v.name.trim();
  if (name !== room.name) body.name = name;
  if (v.kind !== room.kind) body.kind = v.kind;
  const capacity = v.capacity.trim() === '' ? null : Number(v.capacity);
  if (capacity !== (room.capacity ?? null)) body.capacity = capacity;
  const changeover = v.changeover.trim() === '' ? 0 : Number(v.changeover);
  if (changeover !== (room.changeoverMinutes ?? 0)) body.changeoverMinutes = changeover;
  return body;
}

/** One room's editor, opened in its row: name, kind, capacity, changeover; deleting after an inline confirmation. */
export function RoomEditor(props: { slug: string; room: RoomView; onClose(message?: string): void; onDeleted(name: string): void }) {
  const { slug, room, onClose, onDeleted } = props;
  const { t } = useI18n();
  const id = roomEditorId(room.id);
  const [v, setV] = useState({ name: room.name, kind: (room.kind ?? 'virtual-stage') as RoomKind, capacity: room.capacity ? String(room.capacity) : '', changeover: String(room.changeoverMinutes ?? 0) });
  const { heading, error, setError, remove } = useEditorPanel(() => deleteRoom(slug, room.id), () => onDeleted(room.name));
  const [status, setStatus] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const body = changes(room, v);
    if (Object.keys(body).length === 0) return setStatus(t('org.session.unchanged'));
    try {
      const saved = await updateRoom(slug, room.id, body);
      onClose(t('org.saved', { name: saved.name }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section id={id} className="panel session-editor" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t('org.room.editTitle', { name: room.name })}
      </h3>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <Field id={`${id}-name`} label={t('org.field.name')} value={v.name} onChange={(name) => setV({ ...v, name })} required />
        <RoomKindSelect id={`${id}-kind`} value={v.kind} onChange={(kind) => setV({ ...v, kind })} />
        <Field id={`${id}-capacity`} label={t('org.field.capacity')} type="number" min={1} value={v.capacity} onChange={(capacity) => setV({ ...v, capacity })} hint={t('org.room.capacityHint')} />
        <Field id={`${id}-changeover`} label={t('org.field.changeover')} type="number" min={0} max={CHANGEOVER_MAX} value={v.changeover} onChange={(changeover) => setV({ ...v, changeover })} hint={t('org.field.changeoverHint')} />
        <FormActions saveLabel={t('common.save')} onCancel={() => onClose()} />
        <WriteProblem error={error} />
        <p role="status">{status}</p>
      </form>
      <div className="session-editor__delete">
        <ConfirmButton question={t('org.room.deleteQuestion', { name: room.name })} onConfirm={() => void remove()}>
          {t('org.room.delete')}
        </ConfirmButton>
        <p className="muted small">{t('org.room.deleteHint')}</p>
      </div>
    </section>
  );
}
