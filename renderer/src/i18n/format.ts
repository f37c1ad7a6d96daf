import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { firstOfMonth } from '../../../shared/report/strings.js';

/**
 * Numbers and dates in the reader's language; the values themselves always
 * come from PI-1. The formatters are built once per language, not on every
 * render of every row (building an Intl formatter costs far more than using one).
 */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => formatters(language, t), [language, t]);
}

function formatters(language: string, t: ReturnType<typeof useTranslation>['t']) {
  // British English conventions (31 Oct 2026), as in UN and CITES documents.
  const lang = language === 'en' ? 'en-GB' : language;
  const oneDecimal = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    score: (value: number | null | undefined) => (value === null || value === undefined ? '—' : oneDecimal.format(value)),
    count: (value: number) => whole.format(value),
    percent: (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${oneDecimal.format(value)} %`),
    date: (iso: string | null | undefined) => (iso ? firstOfMonth(language, date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))) : '—'),
    dateTime: (iso: string | null | undefined) => (iso ? firstOfMonth(language, dateTime.format(new Date(iso))) : '—'),
    // Under 1 KB a file is counted in bytes: 71 bytes is not "1 KB".
    bytes: (size: number | null | undefined) =>
      size === null || size === undefined
        ? '—'
        : size < 1024
          ? t('common:units.bytes', { count: size, n: whole.format(size) })
          : size < 1024 * 1024
            ? `${whole.format(Math.ceil(size / 1024))} KB`
            : `${oneDecimal.format(size / 1024 / 1024)} MB`,
  };
}

/** Today's date where the user is, as YYYY-MM-DD: the as-of date of a fresh look at the register. */
export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
