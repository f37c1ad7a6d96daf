import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { firstOfMonth } from '../../../shared/report/strings.js';
import { once } from '../../../shared/util/once.js';

/**
 * Numbers and dates in the reader's language; the values themselves always
 * come from PI-1. The Intl formatters are made once per language, each on its
 * first use, and shared by every component (building one costs far more than
 * using it, and a screen that shows no time of day never builds that one).
 */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => formatters(language, t), [language, t]);
}

interface IntlSet {
  oneDecimal(): Intl.NumberFormat;
  whole(): Intl.NumberFormat;
  date(): Intl.DateTimeFormat;
  dateTime(): Intl.DateTimeFormat;
}

const intlByLanguage = new Map<string, IntlSet>();

function intlFor(language: string): IntlSet {
  let set = intlByLanguage.get(language);
  if (!set) {
    // British English conventions (31 Oct 2026), as in UN and CITES documents.
    const lang = language === 'en' ? 'en-GB' : language;
    set = {
      oneDecimal: once(() => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })),
      whole: once(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 })),
      date: once(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })),
      dateTime: once(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })),
    };
    intlByLanguage.set(language, set);
  }
  return set;
}

function formatters(language: string, t: ReturnType<typeof useTranslation>['t']) {
  const intl = intlFor(language);
  return {
    score: (value: number | null | undefined) => (value === null || value === undefined ? '—' : intl.oneDecimal().format(value)),
    count: (value: number) => intl.whole().format(value),
    percent: (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${intl.oneDecimal().format(value)} %`),
    date: (iso: string | null | undefined) => (iso ? firstOfMonth(language, intl.date().format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))) : '—'),
    dateTime: (iso: string | null | undefined) => (iso ? firstOfMonth(language, intl.dateTime().format(new Date(iso))) : '—'),
    // Under 1 KB a file is counted in bytes: 71 bytes is not "1 KB".
    bytes: (size: number | null | undefined) =>
      size === null || size === undefined
        ? '—'
        : size < 1024
          ? t('common:units.bytes', { count: size, n: intl.whole().format(size) })
          : size < 1024 * 1024
            ? `${intl.whole().format(Math.ceil(size / 1024))} KB`
            : `${intl.oneDecimal().format(size / 1024 / 1024)} MB`,
  };
}

/** Today's date where the user is, as YYYY-MM-DD: the as-of date of a fresh look at the register. */
export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
