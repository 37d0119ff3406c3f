import { useState, type FormEvent } from 'react';
import { FORUM_LIMITS, type ForumView } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { speakingTime, type ForumHandle } from './useForum';

/** Who is in the forum, whether they talk, their speaking time; moderators mute, ask, remove and set the limit. */
export function ForumPeople({ view, personId, moderator, act }: { view: ForumView; personId: string | undefined; moderator: boolean; act: ForumHandle['send'] }) {
  const { t } = useI18n();
  const [limit, setLimit] = useState(String(view.maxPublishers));
  const save = (e: FormEvent) => {
    e.preventDefault();
    void act('forum:configure', { maxPublishers: Number(limit) });
  };
  return (
    <section aria-labelledby="forum-people-title">
      <h2 id="forum-people-title">{t('forum.people.title', { count: String(view.participants.length) })}</h2>
      <p>{t('forum.people.places', { taken: String(view.slotsTaken), max: String(view.maxPublishers) })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('forum.people.name')}</th>
            <th scope="col">{t('forum.people.right')}</th>
            <th scope="col">{t('forum.people.speaking')}</th>
            {moderator && <th scope="col">{t('forum.people.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {view.participants.map((p) => (
            <tr key={p.personId}>
              <td>{p.displayName}</td>
              <td>{t(p.right ? `forum.right.${p.right}` : 'forum.right.none')}</td>
              <td>{speakingTime(p.speakingMs)}</td>
              {moderator && (
                <td>
                  {p.personId !== personId && (
                    <div className="actions">
                      <button type="button" onClick={() => void act('forum:mute', { personId: p.personId })} aria-label={t('forum.people.muteName', { name: p.displayName })}>{t('forum.people.mute')}</button>{' '}
                      {p.right && (
                        <button type="button" onClick={() => void act('forum:ask-unmute', { personId: p.personId })} aria-label={t('forum.people.askName', { name: p.displayName })}>{t('forum.people.ask')}</button>
                      )}{' '}
                      {!p.moderator && (
                        <button type="button" onClick={() => void act('forum:remove', { personId: p.personId })} aria-label={t('forum.people.removeName', { name: p.displayName })}>{t('forum.people.remove')}</button>
                      )}
                    </div>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {moderator && (
        <div className="actions">
          <button type="button" onClick={() => void act('forum:mute', {})}>{t('forum.people.muteAll')}</button>
          <form onSubmit={save} className="inline-form">
            <label htmlFor="forum-limit">{t('forum.people.limit')}</label>{' '}
            <input id="forum-limit" type="number" min={FORUM_LIMITS.minPublishers} max={FORUM_LIMITS.maxPublishers} value={limit} onChange={(e) => setLimit(e.target.value)} />{' '}
            <button type="submit">{t('common.save')}</button>
          </form>
        </div>
      )}
    </section>
  );
}
