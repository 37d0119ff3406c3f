import { useEffect, useRef, useState } from 'react';
import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';

/**
 * "Bühne verlassen" for whoever went live from the backstage. The status region is always there (screen readers only
 * announce changes inside a region that already exists); after leaving, focus moves to the way back, since the
 * pressed button is gone.
 */
export function LeaveStage({ slug, sessionId, live, onLeave }: { slug: string; sessionId: string; live: boolean; onLeave: () => void }) {
  const { t } = useI18n();
  const [left, setLeft] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (left) status.current?.querySelector('a')?.focus();
  }, [left]);
  return (
    <div className="leave-stage">
      {live && (
        <button
          type="button"
          onClick={() => {
            onLeave();
            setLeft(true);
          }}
        >
          {t('live.leaveStage')}
        </button>
      )}
      <p role="status" ref={status}>
        {left && (
          <>
            {t('live.leftStage')} <Link to={paths.backstage(slug, sessionId)}>{t('live.backToBackstage')}</Link>
          </>
        )}
      </p>
    </div>
  );
}
