import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/api/languages.js';
import { LANGUAGE_NAMES, useChangeLanguage } from '../i18n/useChangeLanguage.js';
import { useFormat } from '../i18n/format.js';
import { useWorkspace } from './workspace.js';

/** Which authority and assessment every screen shows, and the language; all switchable at any time. */
export function Header() {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const format = useFormat();
  const w = useWorkspace();
  const ids = { authority: useId(), assessment: useId(), language: useId() };


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
