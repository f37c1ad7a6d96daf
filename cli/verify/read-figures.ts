import { figureDifferences, lockedView, reportFigures, type Figure, type FigureKind, type PrintedFigure } from '../../shared/report/figures.js';
import type { Snapshot } from '../../shared/snapshot/schema.js';
import { htmlFigures } from './figures/html.js';
import { pdfFigures, pdfLanguage } from './figures/pdf.js';
import { readReportTable } from './figures/tables.js';
import type { ReportContent } from './report-content.js';

export interface FigureCheck {
  /** How many printed figures were read back and compared. */
  read: number;
  /** What they were, in words: "scores", "criterion maturities", "flag counts". */
  what: string[];
  differences: string[];
  /** Said when the file prints none of the checked figures (a CSV of the controls table, say). */
  note: string | null;
}

const ALL_KINDS: FigureKind[] = ['score', 'maturity', 'count'];

/**
 * Reads the figures a report prints (overall, article and section scores,
 * criterion maturities, flag counts) back from the file and compares each with
 * the result recomputed from the locked snapshot, naming every difference. This
 * catches an edited figure where no sidecar or register log is at hand, and
 * says what was edited where there is one.
 */
export function reportFigureCheck(content: ReportContent, snapshot: Snapshot, languageHint: string | null): FigureCheck {
  const view = lockedView(snapshot);
  const expected = reportFigures(view);
  let printed: PrintedFigure[];
  let required: (figure: Figure) => boolean;
  // HTML and PDF show no maturity for a criterion that does not apply; the tables list every criterion.
  const applicableOrNotMaturity = (f: Figure) => f.kind !== 'maturity' || !f.notApplicable;
  if (content.kind === 'html') {
    printed = htmlFigures(content.html ?? '');
    required = applicableOrNotMaturity;
  } else if (content.kind === 'pdf') {
    printed = pdfFigures(content.text, view, languageHint ?? pdfLanguage(content.text));
    required = applicableOrNotMaturity;
  } else {
    const readings = content.tables.map((table) => readReportTable(table, view)).filter((r) => r !== null);
    if (readings.length === 0) {
      return { read: 0, what: [], differences: [`no table of a Permit Integrity report was recognised in the file (its header rows were changed, or it is not a report)`], note: null };
    }
    printed = readings.flatMap((r) => r.printed);
    // A workbook and a Word plan always print every kind: a deleted sheet or table is a difference. A CSV is one table.
    const kinds = content.kind === 'csv' ? new Set(readings.flatMap((r) => r.kinds)) : new Set(ALL_KINDS);
    if (kinds.size === 0) return { read: 0, what: [], differences: [], note: `this ${readings[0]!.layout} table prints no score, maturity or flag count to read back` };
    required = (f) => kinds.has(f.kind);
  }
  const kindOf = new Map(expected.map((f) => [f.key, f.kind]));
  const read = new Set(printed.map((p) => kindOf.get(p.key)));
  const what = (['score', 'maturity', 'count'] as const).filter((k) => read.has(k)).map((k) => WORDS[k]);
  return { read: printed.length, what, differences: figureDifferences(printed, expected, required), note: null };
}

const WORDS: Record<FigureKind, string> = { score: 'scores', maturity: 'criterion maturities', count: 'flag counts' };
