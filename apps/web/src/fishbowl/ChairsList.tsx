import type { ReactNode } from 'react';
import type { FishbowlChairView } from '@podium/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { makeFormatters } from '../i18n/format';
import type { MessageKey } from '../i18n/types';

interface Props {
  chairs: FishbowlChairView[];
  now: number;
  myId?: string;
  /** Extra controls per occupied chair (moderator console). */
  actions?: (chair: FishbowlChairView) => ReactNode;
  /** Connection quality per person id (moderator console, from its LiveKit room). */
  quality?: ReadonlyMap<string, 'excellent' | 'good' | 'poor' | 'lost'>;
}

export function ChairsList({ chairs, now, myId, actions, quality }: Props) {
  const { t, lang } = useI18n();
  const f = makeFormatters(lang, 'UTC');
  return (
    <ol className="chairs" aria-label={t('fishbowl.chairs')}>
      {chairs.map((c) => {
        const o = c.occupant;
        const label = c.kind === 'fixed' && c.fixedRole ? t(`role.${c.fixedRole}` as MessageKey) : t('fishbowl.openChair');
        // A fixed panelist who never connected is absent, not "seated since".
        const absent = o && !o.connected && c.kind === 'fixed';
        const q = o && o.connected ? quality?.get(o.personId) : undefined;
        return (
          <li key={c.index} className={`chair${o ? ' is-taken' : ' is-free'}${o && !o.connected ? ' is-gone' : ''}${o?.speaking ? ' is-speaking' : ''}${o?.personId === myId ? ' is-me' : ''}`} data-chair={c.index}>
            <span className="chair__label">
              {t('fishbowl.chair', { n: c.index + 1 })} · {label}
            </span>
            {o ? (
              <span className="chair__occupant">
                <strong>{o.personId === myId ? t('fishbowl.you', { name: o.displayName }) : o.displayName}</strong>
                {o.guest && <span className="badge badge--guest">{t('fishbowl.guest')}</span>}
                {o.speaking && <span className="badge badge--speaking">{t('fishbowl.speaking')}</span>}
                {o.where && <span className="badge">{t(o.where === 'hall' ? 'fishbowl.where.hall' : 'fishbowl.where.remote')}</span>}
                {!o.connected && <span className="badge badge--gone">{t(absent ? 'fishbowl.absent' : 'fishbowl.disconnected')}</span>}
                {q && <span className={`badge badge--quality-${q}`}>{t(`fishbowl.quality.${q}` as MessageKey)}</span>}
                {!absent && (
                  <span className="muted small block">
                    {t('fishbowl.seatedFor', { time: f.clock(now - o.seatedSince) })}
                    {o.endsAt !== null && <> · {t('fishbowl.timeLeft', { time: f.clock(o.endsAt - now) })}</>}
                  </span>
                )}
                {o.warning && <span className="badge badge--delay">{t('fishbowl.timeAlmostUp')}</span>}
                {o.topic && <span className="block small">{t('fishbowl.topicLabel', { topic: o.topic })}</span>}
              </span>
            ) : c.heldFor ? (
              <span className="chair__held">
                {t('fishbowl.heldFor', { name: c.heldFor.displayName, time: f.clock(c.heldFor.expiresAt - now) })}
                {c.heldFor.guest && <> <span className="badge badge--guest">{t('fishbowl.guest')}</span></>}
              </span>
            ) : (
              <span className="chair__free">{t('fishbowl.free')}</span>
            )}
            {actions && o && <span className="chair__actions">{actions(c)}</span>}
          </li>
        );
      })}
    </ol>
  );
}
