import { figureKey, type PrintedFigure } from '../../../shared/report/figures.js';
import { decodeEntities } from '../report-content.js';

const FIGURE_FIELD = /^(overall-score|article-score-.+|section-score-.+|flags-.+)$/;

const cellText = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();

/**
 * The figures an HTML report prints, found by their `data-field` marks: the
 * scores and flag counts of the summary, and each applicable criterion's final
 * maturity in its block (`data-criterion`).
 */
export function htmlFigures(html: string): PrintedFigure[] {
  const printed: PrintedFigure[] = [];
  for (const match of html.matchAll(/<(span|td|li)\b[^>]*\bdata-field="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/gi)) {
    const key = decodeEntities(match[2]!);
    if (FIGURE_FIELD.test(key)) printed.push({ key, text: cellText(match[3]!) });
  }
  for (const match of html.matchAll(/<article\b[^>]*\bdata-criterion="([^"]+)"[^>]*>([\s\S]*?)<\/article>/gi)) {
    const final = /<td\b[^>]*\bdata-field="final"[^>]*>([\s\S]*?)<\/td>/i.exec(match[2]!);
    if (final) printed.push({ key: figureKey.criterion(decodeEntities(match[1]!)), text: cellText(final[1]!) });
  }
  return printed;
}
