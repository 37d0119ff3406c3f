import { useState } from 'react';
import { Link, navigate, paths } from '../app/router';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { useFormat } from '../i18n/format';
import { DeviceCheck, type CheckResult } from '../media/DeviceCheck';
import { shownStart } from '../programme/helpers';
import { useProgramme } from '../programme/useProgramme';
import { requestGoLive } from '../session/go-live';
import { GreenRoom } from './GreenRoom';
import { PageTitle } from '../ui/PageTitle';

/** Speakers' green room: check camera and microphone, see the preview, then go live. */
export function BackstagePage({ slug, sessionId }: { slug: string; sessionId: string }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const programme = useProgramme(slug);
  const info = programme.data?.sessions.find((s) => s.id === sessionId);
  const f = useFormat(programme.data?.conference.timezone);
  const [check, setCheck] = useState<CheckResult>('pending');
  const [checking, setChecking] = useState(false);
  const [inRoom, setInRoom] = useState(false);
  return (
    <div className="page backstage-page">
      <p className="breadcrumb">
        <Link to={paths.session(slug, sessionId)}>{t('live.details')}</Link>
      </p>
      <PageTitle title={info ? t('backstage.title', { title: info.title }) : t('session.backstage')} lead={info ? t('backstage.startsAt', { time: f.time(shownStart(info)) }) : undefined} />
      {!session && <p className="notice notice--error">{t('error.UNAUTHENTICATED')}</p>}
      <ol className="steps">
        <li>{t('backstage.step1')}</li>
        <li>{t('backstage.step2')}</li>
        <li>{t('backstage.step3')}</li>
      </ol>
      {inRoom ? (
        <GreenRoom sessionId={sessionId} />
      ) : checking ? (
        <DeviceCheck onResult={setCheck} />
      ) : (
        <button type="button" className="button--primary" onClick={() => setChecking(true)}>
          {t('backstage.startCheck')}
        </button>
      )}
      <div className="actions">
        {!inRoom && (
          <button type="button" disabled={!session || check === 'pending'} onClick={() => setInRoom(true)}>
            {t('backstage.enter')}
          </button>
        )}
        <button
          type="button"
          className="button--primary"
          disabled={!session || check === 'pending'}
          onClick={() => {
            requestGoLive(sessionId);
            navigate(paths.live(slug, sessionId));
          }}
        >
          {t('backstage.goLive')}
        </button>
      </div>
      <p className="muted small">{t('backstage.hint')}</p>
    </div>
  );
}
