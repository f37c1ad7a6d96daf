import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/api/languages.js';
import { useApi } from '../api/ApiContext.js';
import { useNotify } from '../app/notify.js';
import { useWorkspace } from '../app/workspace.js';
import { rememberLanguage } from './i18n.js';

/** Each language named in itself, as language pickers do. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };

/** Switches the UI language at once and remembers it, in this browser and in the register's settings. */
export function useChangeLanguage(): (language: Language) => Promise<void> {
  const { i18n } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  return async (language) => {
    await i18n.changeLanguage(language);
    rememberLanguage(language);
    try {
      w.setSettings(await api.call('settings.set', { language }));
    } catch (error) {
      notify.error(error);
    }
  };
}
