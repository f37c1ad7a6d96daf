import { libraryText } from '../library/translations.js';
import type { Flag } from '../methodology/flags/types.js';
import { MATURITY_LEVELS } from '../domain/vocabulary.js';
import type { CsvCell } from './csv.js';
import type { ReportTableId } from './formats.js';
import type { ReportData } from './report-data.js';
import { flagText } from './flag-text.js';
import { reportStrings } from './strings.js';
import { summaryFigureRows, summaryFlagRows } from './figures.js';

/** One table of a report: the rows of its CSV export and of its XLSX sheet. */
export interface ReportTable {
  title: string;
  headers: string[];
  /** Numbers stay JavaScript numbers (scores, maturities, weights, residuals); null is an empty cell. */
  rows: CsvCell[][];
  /** Columns that hold numbers (or empty cells), so a spreadsheet can type and right-align them. */
  numberColumns: number[];
  /** Number columns shown with one decimal (scores, percentages, residuals); the others are whole numbers. */
  decimalColumns: number[];
  /** For the key/value summary, whose one value column mixes scores and counts: rows shown with one decimal. */
  decimalRows: number[];
}

/** A flag's words in the report language, plus its kind and severity as the tables name them. */
export function reportFlagText(data: ReportData, language: string) {
  const t = reportStrings(language);
  const text = flagText(language, {
    criteria: data.criteria,
    families: data.labels.families,
    stages: data.labels.stages,
    riskTypes: data.labels.riskTypes,
    asOf: data.assessment.asOf,
  });
  return {
    subject: text.subject,
    reason: text.reason,
    action: text.remedy,
    families: text.families,
    kind: (flag: Flag) => t(`tables.flagKind.${flag.kind}`),
    severity: (flag: Flag) => t(`tables.severity.${flag.severity}`),
  };
}

function table(title: string, headers: string[], rows: CsvCell[][], numberColumns: number[], decimalColumns: number[] = [], decimalRows: number[] = []): ReportTable {
  return { title, headers, rows, numberColumns, decimalColumns, decimalRows };
}

/**
 * The named tables of a report in one language. Every value is read from
 * ReportData (and so from the PI-1 result); nothing is scored or counted anew.
 * Each table is built when first read: a CSV of one table does not word every
 * flag of the others (the XLSX reads them all, each once).
 */
export function reportTables(data: ReportData, language: string): Record<ReportTableId, ReportTable> {
  const builders = tableBuilders(data, language);
  const tables = {} as Record<ReportTableId, ReportTable>;
  for (const id of Object.keys(builders) as ReportTableId[]) {
    let built: ReportTable | undefined;
    Object.defineProperty(tables, id, { enumerable: true, get: () => (built ??= builders[id]()) });
  }
  return tables;
}

function tableBuilders(data: ReportData, language: string): Record<ReportTableId, () => ReportTable> {
  const t = reportStrings(language);
  const lib = libraryText(language);
  let wording: ReturnType<typeof reportFlagText> | undefined;
  // Wording flags needs the grammar and date formats of the language: only the flag tables ask for it.
  const flagText = () => (wording ??= reportFlagText(data, language));
  const colon = t('tables.common.colon');
  const list = (items: string[]) => items.join(t('tables.common.listSeparator'));
  const yesNo = (value: boolean) => t(value ? 'tables.common.yes' : 'tables.common.no');
  const families = new Map(data.labels.families.map((f) => [f.id, f]));
  const family = (id: string) => (families.has(id) ? lib.family(families.get(id)!) : id);
  const named = <T extends { id: string; title: string }>(list: T[], id: string, translate: (item: T) => string) => {
    const item = list.find((entry) => entry.id === id);
    return item ? translate(item) : id;
  };
  // The tables list whatever rows ReportData holds: every row when it is built 'complete' (XLSX, CSV).
  const flags = data.actionPlan.rows.map((item) => item.flag);
  let headers: Record<ReportTableId, string[]> | undefined;
  const h = (id: ReportTableId) => (headers ??= reportTableHeaders(language))[id];

  return {
    summary: () => {
      const summary: CsvCell[][] = [
        [t('tables.summary.authority'), data.authority.name],
        [t('tables.summary.assessment'), data.assessment.title],
        [t('tables.summary.asOf'), data.assessment.asOf],
        [t('tables.summary.status'), t(`tables.status.${data.assessment.status}`)],
        [t('tables.summary.methodology'), `${data.assessment.methodology.id} ${data.assessment.methodology.version}`],
        [t('tables.summary.digest'), data.assessment.digest],
        ...integrityRows(data, language),
      ];
      const decimalRows: number[] = [];
      for (const row of summaryFigureRows(data.view, language)) decimalRows.push(summary.push([row.label, row.value]) - 1);
      for (const row of summaryFlagRows(data.view, language)) summary.push([row.label, row.value]);
      summary.push([t('tables.summary.generatedAt'), data.generatedAt]);
      return table(t('tables.titles.summary'), h('summary'), summary, [], [], decimalRows);
    },
    criteria: () =>
      table(
        t('tables.titles.criteria'),
        h('criteria'),
        data.criteria.map((c): CsvCell[] => [
          c.paragraph,
          c.article,
          t(`tables.obligation.${c.obligation}`),
          lib.criterionTitle(c),
          c.weight,
          c.target,
          yesNo(c.applicable),
          c.derived,
          c.override?.maturity ?? null,
          c.final,
          yesNo(c.meetsTarget),
          c.override?.justification ?? '',
          c.applicabilityJustification ?? '',
          c.notes,
          list(c.controls.rows.map((control) => control.title)),
        ]),
        [4, 5, 7, 8, 9],
      ),
    controls: () =>
      table(t('tables.titles.controls'), h('controls'), data.controls.rows.map((c): CsvCell[] => [c.title, family(c.family), c.stated, c.effective, yesNo(c.unsupported), c.evidenceCount]), [2, 3, 5]),
    families: () =>
      table(
        t('tables.titles.families'),
        h('families'),
        data.families.map((f): CsvCell[] => [family(f.family), f.controls, ...f.stated, ...f.effective, f.unsupported, f.evidence, f.validEvidence]),
        Array.from({ length: 14 }, (_, i) => i + 1),
      ),
    evidence: () =>
      table(t('tables.titles.evidence'), h('evidence'), data.evidenceRegister.rows.map((e): CsvCell[] => [e.control, family(e.family), e.title, e.date, e.expiry, yesNo(e.valid), e.sha256, e.size]), [7]),
    chain: () =>
      table(
        t('tables.titles.chain'),
        h('chain'),
        data.view.chain.map((cell): CsvCell[] => [
          named(data.labels.stages, cell.stage, lib.stage),
          named(data.labels.riskTypes, cell.riskType, lib.riskType),
          cell.likelihood,
          cell.impact,
          cell.inherent,
          t(`tables.band.${cell.inherentBand}`),
          cell.mitigation,
          cell.residual,
          t(`tables.band.${cell.band}`),
        ]),
        [2, 3, 4, 6, 7],
        [7],
      ),
    offences: () => {
      const criterionById = new Map(data.criteria.map((c) => [c.id, c]));
      const offences = data.view.offences.map((o): CsvCell[] => {
        const criterion = criterionById.get(o.criterion);
        return [
          named(data.labels.riskTypes, o.riskType, lib.riskType),
          o.paragraph,
          criterion ? lib.criterionTitle(criterion) : o.criterion,
          yesNo(o.applicable),
          o.applicable ? o.final : null,
          criterion?.target ?? null,
          yesNo(o.flagged),
        ];
      });
      return table(t('tables.titles.offences'), h('offences'), offences, [4, 5]);
    },
    flags: () => {
      const text = flagText();
      return table(
        t('tables.titles.flags'),
        h('flags'),
        flags.map((f): CsvCell[] => [text.severity(f), text.kind(f), text.subject(f), text.reason(f), text.action(f), list(text.families(f).map((x) => x.title))]),
        [],
      );
    },
    'action-plan': () => {
      const text = flagText();
      return table(
        t('tables.titles.actionPlan'),
        h('action-plan'),
        data.actionPlan.rows.map((item): CsvCell[] => [
          item.number,
          text.severity(item.flag),
          text.subject(item.flag),
          text.reason(item.flag),
          text.action(item.flag),
          text.families(item.flag).map((x) => `${x.title}${colon}${x.recommendation}`).join('\n'),
          item.action,
          item.owner,
          item.due,
          t(`tables.actionStatus.${item.status ?? 'none'}`),
        ]),
        [0],
      );
    },
    'permit-signals': () =>
      table(
        t('tables.titles.permitSignals'),
        h('permit-signals'),
        (data.permitSignals?.rows ?? []).map((r): CsvCell[] => [
          named(data.labels.stages, r.stage, lib.stage),
          named(data.labels.riskTypes, r.riskType, lib.riskType),
          r.flagged,
          r.handled,
          r.perThousand,
          r.suggested,
          r.likelihood,
          yesNo(r.contradicts),
        ]),
        [2, 3, 4, 5, 6],
        [4],
      ),
  };
}

/** Which string of `tables.<section>` heads each column of each table. */
export const TABLE_COLUMNS = {
  summary: ['item', 'value'],
  criteria: ['paragraph', 'article', 'obligation', 'title', 'weight', 'target', 'applicable', 'derived', 'override', 'final', 'meetsTarget', 'overrideJustification', 'applicabilityJustification', 'notes', 'controls'],
  controls: ['title', 'family', 'stated', 'effective', 'unsupported', 'evidence'],
  evidence: ['control', 'family', 'title', 'date', 'expiry', 'valid', 'sha256', 'size'],
  chain: ['stage', 'riskType', 'likelihood', 'impact', 'inherent', 'inherentBand', 'mitigation', 'residual', 'band'],
  offences: ['riskType', 'paragraph', 'criterion', 'applicable', 'final', 'target', 'flagged'],
  flags: ['severity', 'kind', 'subject', 'reason', 'action', 'families'],
  'action-plan': ['number', 'severity', 'subject', 'finding', 'action', 'families', 'planned', 'owner', 'due', 'status'],
  'permit-signals': ['stage', 'riskType', 'flagged', 'handled', 'perThousand', 'suggested', 'likelihood', 'contradicts'],
} as const;

const SECTIONS: Record<keyof typeof TABLE_COLUMNS, string> = {
  summary: 'summary',
  criteria: 'criteria',
  controls: 'controls',
  evidence: 'evidence',
  chain: 'chain',
  offences: 'offences',
  flags: 'flags',
  'action-plan': 'actionPlan',
  'permit-signals': 'permitSignals',
};

/**
 * The header row of every table in one language. The tables are written with
 * these, and `verify --report` recognises a CSV file or an XLSX sheet (which
 * table, which language) by its header row.
 */
export function reportTableHeaders(language: string): Record<ReportTableId, string[]> {
  const t = reportStrings(language);
  const levels = (key: string) => MATURITY_LEVELS.map((level) => t(`tables.families.${key}`, { level }));
  const named = Object.fromEntries(
    (Object.keys(TABLE_COLUMNS) as Array<keyof typeof TABLE_COLUMNS>).map((id) => [id, TABLE_COLUMNS[id].map((key) => t(`tables.${SECTIONS[id]}.${key}`))]),
  ) as Record<keyof typeof TABLE_COLUMNS, string[]>;
  return {
    ...named,
    families: [t('tables.families.family'), t('tables.families.controls'), ...levels('stated'), ...levels('effective'), t('tables.families.unsupported'), t('tables.families.evidence'), t('tables.families.validEvidence')],
  };
}

/**
 * The Summary table's rows that anchor the report: the register's audit head
 * when the report was made and the fingerprint of the key that signs its
 * manifest (or "unsigned"). Absent for a report built outside a register.
 */
function integrityRows(data: ReportData, language: string): CsvCell[][] {
  const t = reportStrings(language);
  if (data.integrity.auditHead === null) return [];
  return [
    [t('tables.summary.auditHead'), data.integrity.auditHead],
    [t('tables.summary.signingKey'), data.integrity.signingKey ?? t('tables.summary.unsigned')],
  ];
}

