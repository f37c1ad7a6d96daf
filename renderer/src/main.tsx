import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { callApi } from '../../shared/api/client.js';
import type { Language } from '../../shared/api/languages.js';
import { ApiProvider } from './api/ApiContext.js';
import { createTransport } from './api/transport.js';
import { App } from './app/App.js';
import { SCREENS, screenFromHash } from './app/screens.js';
import { NotifyProvider } from './app/notify.js';
import { WorkspaceProvider } from './app/workspace.js';
import { initI18n, rememberLanguage } from './i18n/i18n.js';
import './styles/app.css';

async function boot(): Promise<void> {
  // The first screen's code loads while the settings, the library and the register are asked for.
  SCREENS.find((s) => s.id === screenFromHash(window.location.hash))?.preload();
  const root = createRoot(document.getElementById('root')!);
  // The first calls leave before i18n is set up and run together: one after
  // another they were a chain of round trips in front of every first screen.
  const transport = createTransport();
  const startup = Promise.all([callApi(transport, 'settings.get', {}), callApi(transport, 'library.get', {})]);
  const firstAuthorities = callApi(transport, 'authorities.list', {});
  firstAuthorities.catch(() => undefined); // the workspace reports it if it fails; never unhandled here
  const i18n = await initI18n();
  try {
    const [settings, library] = await startup;
    // The language chosen last time (kept in the register) wins over the browser's.
    if (settings.language && settings.language !== i18n.language) {
      await i18n.changeLanguage(settings.language);
      rememberLanguage(settings.language as Language);
    }
    root.render(
      <StrictMode>
        <ApiProvider transport={transport}>
          <NotifyProvider>
            <WorkspaceProvider library={library} initialSettings={settings} firstAuthorities={firstAuthorities}>
              <App />
            </WorkspaceProvider>
          </NotifyProvider>
        </ApiProvider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(
      <main className="main" role="alert">
        <h1>Permit Integrity</h1>
        <p>{i18n.t('errors.startup', { message: (error as Error).message })}</p>
      </main>,
    );
  }
}

void boot();
