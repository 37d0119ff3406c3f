import { deleteSession } from '../api/organiser';
import type { ProgrammeData, SessionView } from '../api/programme';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote } from '../ui/Async';
import { ConfirmButton } from '../ui/ConfirmButton';
import { SessionForm } from './SessionForm';
import { useEditorPanel } from './useEditorPanel';

export const editorId = (sessionId: string) => `edit-${sessionId}`;

/** One session's editor, opened in its row of the list: the form, and deleting after an inline confirmation. */
export function SessionEditor(props: { slug: string; programme: ProgrammeData; session: SessionView; onClose(message?: string): void; onDeleted(title: string): void }) {
  const { slug, programme, session, onClose, onDeleted } = props;
  const { t } = useI18n();
  const { heading, error, remove } = useEditorPanel(() => deleteSession(session.id), () => onDeleted(session.title));
  return (
    <section id={editorId(session.id)} className="panel session-editor" aria-labelledby={`${editorId(session.id)}-h`}>
      <h3 id={`${editorId(session.id)}-h`} ref={heading} tabIndex={-1}>
        {t('org.session.editTitle', { title: session.title })}
      </h3>
      <SessionForm idPrefix="es" slug={slug} programme={programme} session={session} onSaved={(s) => onClose(t('org.saved', { name: s.title }))} onCancel={() => onClose()} />
      <div className="session-editor__delete">
        <ConfirmButton question={t('org.session.deleteQuestion', { title: session.title })} onConfirm={() => void remove()}>
          {t('org.session.delete')}
          <span className="visually-hidden">: {session.title}</span>
        </ConfirmButton>
        {error ? <ErrorNote error={error} /> : null}
      </div>
    </section>
  );
}
