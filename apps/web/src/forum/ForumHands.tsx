import type { ForumView } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import type { ForumHandle } from './useForum';

/** Raised hands in order; moderators give the floor ("Sie sind dran") or lower a hand. */
export function ForumHands({ view, moderator, act }: { view: ForumView; moderator: boolean; act: ForumHandle['send'] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="forum-hands-title">
      <h2 id="forum-hands-title">{t('forum.hands.title', { count: String(view.hands.length) })}</h2>
      {view.floor && <p role="status">{t('forum.hands.floor', { name: view.floor.displayName })}</p>}
      {view.hands.length === 0 ? (
        <p className="muted">{t('forum.hands.none')}</p>
      ) : (
        <ol className="forum-hands">
          {view.hands.map((h) => (
            <li key={h.personId}>
              <span>{h.displayName}</span>
              {moderator && (
                <span className="actions">
                  <button type="button" onClick={() => void act('forum:give-floor', { personId: h.personId })} aria-label={t('forum.hands.giveFloorTo', { name: h.displayName })}>
                    {t('forum.hands.giveFloor')}
                  </button>{' '}
                  <button type="button" onClick={() => void act('forum:lower-hand', { personId: h.personId })} aria-label={t('forum.hands.lowerFor', { name: h.displayName })}>
                    {t('forum.hands.lower')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {moderator && view.floor && (
        <button type="button" onClick={() => void act('forum:end-floor', {})}>{t('forum.hands.endFloor')}</button>
      )}
    </section>
  );
}
