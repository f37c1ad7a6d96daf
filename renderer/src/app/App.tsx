import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './Header.js';
import { SCREENS, screenFromHash } from './screens.js';
import { useWorkspace } from './workspace.js';
import { FirstRun } from '../screens/first-run/FirstRun.js';

function currentScreen(): string {
  return screenFromHash(window.location.hash);
}

/** Layout: header, navigation, and the screen named in the URL hash (so a reload stays put). */
export function App() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [screen, setScreen] = useState(currentScreen);
  useEffect(() => {
    const onHash = () => setScreen(currentScreen());
    window.addEventListener('hashchange', onHash);
    // A link clicked between the first render and this effect changed the hash with nobody listening.
    onHash();
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${t(`nav.${screen}`)} · Permit Integrity`;
    document.getElementById('main')?.focus();
  }, [screen, t]);
  const Screen = SCREENS.find((s) => s.id === screen)!.component;
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('nav.skip')}
      </a>
      <Header />
      <nav className="nav" aria-label={t('nav.label')}>
        <ul>
          {SCREENS.map((s) => (
            <li key={s.id}>
              <a href={`#/${s.id}`} aria-current={s.id === screen ? 'page' : undefined}>
                {t(`nav.${s.id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        {workspace.authority || screen === 'authorities' || screen === 'portfolio' ? (
          <Suspense fallback={<p>{t('common.loading')}</p>}>
            <Screen />
          </Suspense>
        ) : workspace.loaded ? (
          <FirstRun />
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </main>
    </div>
  );
}
