import type { ReactNode } from 'react';
import type { FishbowlQueueEntryView } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { makeFormatters } from '../i18n/format';

interface Props {
  queue: FishbowlQueueEntryView[];
  /** Length of the whole queue when `queue` is only its head (attendees' views of a long queue). */
  total?: number;
  myId?: string;
  actions?: (entry: FishbowlQueueEntryView, index: number) => ReactNode;
}

/** The queue in the same order on every screen: the entries the view carries, then "+N" for the rest. */
export function QueueList({ queue, total = queue.length, myId, actions }: Props) {
  const { t, lang } = useI18n();
  const f = makeFormatters(lang, 'UTC');
  if (queue.length === 0) return <p className="muted">{t('fishbowl.queueEmpty')}</p>;
  const more = total - queue.length;
  return (
    <>
      <ol className="queue" aria-label={t('fishbowl.queue')}>
        {queue.map((e, i) => (
          <li key={e.personId} className={`queue__entry${e.personId === myId ? ' is-me' : ''}${e.invited ? ' is-invited' : ''}${e.away ? ' is-away' : ''}`} data-person={e.personId}>
            <span className="queue__pos" aria-hidden="true">
              {e.position}
            </span>
            <span className="queue__who">
              <span className="visually-hidden">{t('fishbowl.positionShort', { position: e.position })} </span>
              <strong>{e.personId === myId ? t('fishbowl.you', { name: e.displayName }) : e.displayName}</strong>{' '}
              {e.guest && <span className="badge badge--guest">{t('fishbowl.guest')}</span>}
              <span className="badge">{t(e.where === 'hall' ? 'fishbowl.where.hall' : 'fishbowl.where.remote')}</span>
              {e.firstTime && <span className="badge">{t('fishbowl.firstTime')}</span>}
              {e.invited && <span className="badge badge--delay">{t('fishbowl.invited')}</span>}
              {e.away && <span className="badge badge--gone">{t('fishbowl.away')}</span>}
              {e.topic && <span className="block small">{t('fishbowl.topicLabel', { topic: e.topic })}</span>}
              {!e.invited && e.expectedWaitMs > 0 && <span className="block small muted">{t('fishbowl.expectedWait', { time: f.minutes(e.expectedWaitMs) })}</span>}
            </span>
            {actions && <span className="queue__actions">{actions(e, i)}</span>}
          </li>
        ))}
      </ol>
      {more > 0 && (
        <p className="muted queue__more" data-testid="queue-more">
          {t('fishbowl.queueMore', { count: more })}
        </p>
      )}
    </>
  );
}
