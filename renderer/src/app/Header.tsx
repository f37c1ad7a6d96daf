import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/api/inputs.js';
import { useApi } from '../api/ApiContext.js';
import { rememberLanguage } from '../i18n/i18n.js';
import { useFormat } from '../i18n/format.js';
import { useNotify } from './notify.js';
import { useWorkspace } from './workspace.js';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };

/** Which authority and assessment every screen shows, and the language; all switchable at any time. */
export function Header() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const format = useFormat();
  const w = useWorkspace();
  const ids = { authority: useId(), assessment: useId(), language: useId() };

  async function changeLanguage(language: Language) {
    await i18n.changeLanguage(language);
    rememberLanguage(language);
    try {
      w.setSettings(await api.call('settings.set', { language }));
    } catch (error) {
      notify.error(error);
    }
  }

  return (
    <header className="header">
      <div className="brand">
        <span className="brand-name">Permit Integrity</span>
        <span className="brand-sub">{t('app.tagline')}</span>
      </div>
      <div className="header-controls">
        <label htmlFor={ids.authority}>{t('header.authority')}</label>
        <select id={ids.authority} value={w.authority?.id ?? ''} onChange={(e) => w.selectAuthority(Number(e.target.value))}>
          {w.authorities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.assessment}>{t('header.assessment')}</label>
        <select id={ids.assessment} value={w.assessmentId ?? ''} onChange={(e) => w.selectAssessment(Number(e.target.value))} disabled={!w.assessments.length}>
          {w.assessments.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title} · {format.date(a.asOf)} · {t(`status.${a.status}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.language}>{t('header.language')}</label>
        <select id={ids.language} value={i18n.language} onChange={(e) => void changeLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
    </header>
  );
}
