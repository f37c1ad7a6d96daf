import { SEVERITIES } from '../../shared/domain/vocabulary.js';
import { assess } from '../../shared/methodology/assess.js';
import { resultView } from '../../shared/report/result-view.js';
import type { Snapshot } from '../../shared/snapshot/schema.js';

/**
 * Reads the figures an HTML report prints (its `data-field` marks: overall and
 * article scores, flag counts) and compares each with the result recomputed
 * from the locked snapshot, naming every difference. This catches an edited
 * figure even where no sidecar or register log is at hand.
 */
export function htmlFigureDifferences(html: string, snapshot: Snapshot): string[] {
  const printed = new Map<string, string>();
  for (const match of html.matchAll(/<(span|td|li)\b[^>]*\bdata-field="([a-z0-9_.()\-]+)"[^>]*>([\s\S]*?)<\/\1>/gi)) {
    printed.set(match[2]!, match[3]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
  }
  const view = resultView(snapshot, assess(snapshot));
  const expected = new Map<string, number | null>([['overall-score', view.scores.overall]]);
  for (const article of view.scores.articles) expected.set(`article-score-${article.article}`, article.score);
  for (const severity of SEVERITIES) expected.set(`flags-${severity}`, view.flagCounts[severity]);
  const differences: string[] = [];
  for (const [field, value] of expected) {
    const text = printed.get(field);
    if (text === undefined) {
      differences.push(`${field}: missing from the report`);
      continue;
    }
    const shown = numberIn(text);
    const want = value === null ? null : Math.round(value * 10) / 10;
    if (shown !== want) differences.push(`${field}: the report shows ${text || '(nothing)'}, the locked assessment gives ${want ?? 'no score'}`);
  }
  return differences;
}

/** The last number in a cell ("High 3" → 3; "44,4" → 44.4), or null when there is none (a dash). */
function numberIn(text: string): number | null {
  const all = text.replace(/\u2212/g, '-').match(/-?\d+(?:[.,]\d+)?/g);
  return all ? Number(all[all.length - 1]!.replace(',', '.')) : null;
}
