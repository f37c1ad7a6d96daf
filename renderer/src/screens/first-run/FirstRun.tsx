import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { SetupWizard } from './SetupWizard.js';
import '../../styles/first-run.css';

/**
 * What an empty register opens to: set up one's own authority (guided),
 * explore the demo (one click), or import a package or a folder of them.
 */
export function FirstRun() {
  const { t } = useTranslation('firstRun');
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  const [setup, setSetup] = useState(false);
  const [busy, setBusy] = useState(false);

  async function loadDemo() {
    setBusy(true);
    try {
      const summary = await api.call('register.loadDemo', {});
      await w.refresh();
      w.selectAuthority(summary.authorityId);
      notify.success(t('demoLoaded', { name: summary.name }));
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  if (setup) return <SetupWizard onCancel={() => setSetup(false)} />;
  return (
    <div className="first-run" data-testid="first-run">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ul className="choices">
        <li className="panel">
          <h2>{t('own.heading')}</h2>
          <p>{t('own.text')}</p>
          <button type="button" className="primary" onClick={() => setSetup(true)}>
            {t('own.button')}
          </button>
        </li>
        <li className="panel">
          <h2>{t('demo.heading')}</h2>
          <p>{t('demo.text')}</p>
          <button type="button" onClick={() => void loadDemo()} disabled={busy}>
            {t('demo.button')}
          </button>
        </li>
        <li className="panel">
          <h2>{t('import.heading')}</h2>
          <p>{t('import.text')}</p>
          <div className="toolbar">
            <a className="button" href="#/authorities">
              {t('import.package')}
            </a>
            <a className="button" href="#/portfolio">
              {t('import.folder')}
            </a>
          </div>
        </li>
      </ul>
    </div>
  );
}
