import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/api/languages.js';
import type { AppInfo } from '../../../../shared/api/results.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { LANGUAGE_NAMES, useChangeLanguage } from '../../i18n/useChangeLanguage.js';

/** The name written into the audit log, the language, and what this app and register are. */
export function SettingsPanel() {
  const { t, i18n } = useTranslation('authorities');
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  const changeLanguage = useChangeLanguage();
  const ids = { actor: useId(), language: useId(), error: useId(), hint: useId() };
  const [actor, setActor] = useState(w.settings.actor);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    api.call('app.info', {}).then(setInfo, notify.error);
  }, [api]);

  async function saveActor(e: FormEvent) {
    e.preventDefault();
    if (!actor.trim()) return setError(t('errors.actorRequired'));
    setError(null);
    setBusy(true);
    try {
      const settings = await api.call('settings.set', { actor: actor.trim() });
      w.setSettings(settings);
      setActor(settings.actor);
      notify.success(t('settings.actorSaved', { actor: settings.actor }));
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  }


  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings.heading')}</h2>
      <form className="settings-actor" onSubmit={saveActor} noValidate>
        <div className="field">
          <label htmlFor={ids.actor}>{t('settings.actor')}</label>
          <div className="row">
            <input id={ids.actor} type="text" value={actor} onChange={(e) => setActor(e.target.value)} autoComplete="name" aria-invalid={error ? true : undefined} aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint} />
            <button type="submit" className="primary" disabled={busy}>
              {t('settings.saveActor')}
            </button>
          </div>
          <span className="hint" id={ids.hint}>
            {t('settings.actorHint')}
          </span>
          {error ? (
            <span className="error" id={ids.error}>
              {error}
            </span>
          ) : null}
        </div>
      </form>
      <div className="field">
        <label htmlFor={ids.language}>{t('settings.language')}</label>
        <select id={ids.language} value={i18n.language} onChange={(e) => void changeLanguage(e.target.value as Language)} className="settings-language">
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <h3>{t('info.heading')}</h3>
      {info ? (
        <dl className="app-info" data-testid="app-info">
          <dt>{t('info.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('info.methodology')}</dt>
          <dd>
            {info.methodology.id} {info.methodology.version}
          </dd>
          <dt>{t('info.registerFile')}</dt>
          <dd className="mono">{info.registerFile}</dd>
          <dt>{t('info.transport')}</dt>
          <dd>{t(`info.transports.${info.transport}`)}</dd>
        </dl>
      ) : (
        <p className="muted">{t('common:common.loading')}</p>
      )}
    </section>
  );
}
