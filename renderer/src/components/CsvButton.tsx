import { useTranslation } from 'react-i18next';
import { saveBlob } from './download.js';
import { toCsv, type CsvCell } from '../../../shared/report/csv.js';

export interface CsvButtonProps {
  /** Base of the file name; made safe for every file system, ".csv" added. */
  fileName: string;
  headers: string[] | (() => string[]);
  /** The rows, or a function that builds them on click (for long tables such as the register). */
  rows: CsvCell[][] | (() => CsvCell[][] | Promise<CsvCell[][]>);
  /** What the table is, for the accessible name when a screen has more than one table. */
  table?: string;
}

/** A name that is safe on every system: letters, digits and dashes (accents dropped). */
export function csvFileName(base: string): string {
  const safe = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 120);
  return `${safe || 'table'}.csv`;
}

/**
 * Downloads a table as shown on screen as CSV: UTF-8 with BOM, CRLF, and cells
 * neutralised against formula injection (shared toCsv). Built in the page from
 * values the screen already has; nothing is recomputed.
 */
export function CsvButton({ fileName, headers, rows, table }: CsvButtonProps) {
  const { t } = useTranslation('csv');
  async function download() {
    const csv = toCsv(typeof headers === 'function' ? headers() : headers, typeof rows === 'function' ? await rows() : rows);
    saveBlob(csvFileName(fileName), new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  }
  return (
    <button type="button" onClick={() => void download()} aria-label={table ? t('downloadTable', { table }) : undefined} title={t('hint')}>
      {t('download')}
    </button>
  );
}
