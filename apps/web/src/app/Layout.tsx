import { useEffect, useRef, type ReactNode } from 'react';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { LANGUAGES } from '../i18n/types';
import { ConnectionBanner } from './ConnectionBanner';
import { HealthBanner } from './HealthBanner';
import { Link, paths, type Route } from './router';

/** The element above the header that a page's always-visible bar portals into. */
export const TOP_BAR_SLOT = 'top-bar-slot';

export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { session, signOut } = useAuth();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After client-side navigation, move focus to the new page so screen readers start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector('h1');
    (heading ?? mainRef.current)?.focus({ preventScroll: true });
  }, [route]);

  const slug = 'slug' in route ? route.slug : undefined;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <HealthBanner />
      <ConnectionBanner />
      {/* A page's always-visible bar (the console's next action) portals in here, first after the skip link. */}
      <div id={TOP_BAR_SLOT} />
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={paths.home()} className="brand">
            Podium
          </Link>
          <nav aria-label={t('shell.nav')} className="site-nav">
            {slug && <Link to={paths.programme(slug)}>{t('nav.programme')}</Link>}
            {slug && <Link to={paths.myProgramme(slug)}>{t('nav.myProgramme')}</Link>}
          </nav>
          <div className="site-tools">
            <div role="group" aria-label={t('shell.language')} className="segmented">
              {LANGUAGES.map((l) => (
                <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
                  {l === 'de' ? 'Deutsch' : 'English'}
                </button>
              ))}
            </div>
            {session ? (
              <span className="who">
                <span className="who__name">{t('shell.signedInAs', { name: session.displayName })}</span>
                <button type="button" className="link-button" onClick={signOut}>
                  {t('shell.signOut')}
                </button>
              </span>
            ) : (
              slug && <Link to={paths.guest(slug, location.pathname)}>{t('shell.signIn')}</Link>
            )}
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </>
  );
}
