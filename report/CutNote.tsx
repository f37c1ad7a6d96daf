import type { Listing } from '../shared/report/annex.js';
import type { Words } from './words.js';

/**
 * Says that a long list shows only its first rows, and where the rest is.
 * Renders nothing when every row is shown, so ordinary registers read as before.
 * `more` words it as "N more rows" (for short lists inside a criterion).
 */
export function CutNote({ list, shown, total, words, more = false }: { list?: Listing<unknown>; shown?: number; total?: number; words: Words; more?: boolean }) {
  const rows = list?.rows.length ?? shown ?? 0;
  const all = list?.total ?? total ?? 0;
  if (rows >= all) return null;
  const { t, fmt } = words;
  const text = more ? t('document.annex.more', { count: all - rows, n: fmt.number(all - rows) }) : t('document.annex.cut', { shown: fmt.number(rows), total: fmt.number(all) });
  return (
    <p className="cut-note muted small" data-cut={`${rows}/${all}`}>
      {text}
    </p>
  );
}
