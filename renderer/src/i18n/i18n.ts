import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/api/languages.js';

/** Every screen has its own namespace file per language: locales/<lang>/<namespace>.json. */
const files = import.meta.glob('./locales/*/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;

function resources() {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, content] of Object.entries(files)) {
    const [, lang, ns] = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path) ?? [];
    if (!lang || !ns) continue;
    (out[lang] ??= {})[ns] = content;
  }
  return out;
}

export const NAMESPACES = [...new Set(Object.keys(files).map((p) => /\/([\w-]+)\.json$/.exec(p)?.[1] ?? 'common'))];
const LANGUAGE_KEY = 'permit-integrity-language';

export function initialLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  if ((LANGUAGES as readonly string[]).includes(stored ?? '')) return stored as Language;
  const browser = navigator.language.slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(browser) ? (browser as Language) : 'en';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources: resources(),
    lng,
    fallbackLng: 'en',
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
