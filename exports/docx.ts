import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportData } from '../shared/report/report-data.js';
import { reportFormat, reportStrings } from '../shared/report/strings.js';
import { reportFlagText, reportTables } from '../shared/report/tables.js';
import { criteriaAnnex, figuresSection } from './docx-figures.js';
import { DOCX_ACTION_PLAN_COLUMNS } from '../shared/report/figures.js';

/** A4 in twentieths of a point, given portrait: docx swaps them for landscape. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 850;
const TABLE_WIDTH = A4.height - 2 * MARGIN;
/** Shares of the table width: No., Severity, Subject, Finding, Remedy, Owner, Due date, Status. */
const COLUMN_SHARES = [0.05, 0.08, 0.15, 0.22, 0.29, 0.08, 0.07, 0.06];
const COLUMN_WIDTHS = COLUMN_SHARES.map((share) => Math.floor(TABLE_WIDTH * share));

function cell(children: Paragraph[], column: number, header = false): TableCell {
  return new TableCell({
    children,
    width: { size: COLUMN_WIDTHS[column] ?? 0, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EDF2' } } : {}),
  });
}

const text = (value: string, bold = false) => new Paragraph({ children: [new TextRun({ text: value, bold })] });

/** "Label: value" lines of the document's front matter (the colon is typeset per language). */
function factLine(label: string, value: string, colon: string): Paragraph {
  return new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: `${label}${colon}`, bold: true }), new TextRun(value)] });
}

/** "Page {{page}}" with Word's own page-number field in place of {{page}}. */
function pageFooter(template: string): Footer {
  const [before = '', after = ''] = template.split('{{page}}');
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [before, PageNumber.CURRENT, after] })] })],
  });
}

/** Annex "Permit-data signals" (PI-1.2): the same rows as the report's table, without officers or applicants. */
function permitAnnex(data: ReportData, language: string): Array<Paragraph | Table> {
  const t = reportStrings(language);
  const fmt = reportFormat(language);
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 300, after: 120 }, children: [new TextRun(t('document.sections.permitSignals'))] });
  const annex = data.permitSignals;
  if (!annex) return [heading, text(t('document.permitSignals.none'))];
  const table = reportTables(data, language)['permit-signals'];
  const width = Math.floor(TABLE_WIDTH / table.headers.length);
  const plain = (value: string, bold = false) => new TableCell({ children: [text(value, bold)], width: { size: width, type: WidthType.DXA }, margins: { top: 60, bottom: 60, left: 80, right: 80 } });
  const intro = [
    text(t('document.permitSignals.intro', { from: fmt.date(annex.window.from), to: fmt.date(annex.window.to) })),
    text(`${t('document.permitSignals.run', { analysedAt: annex.analysis.analysedAt })} ${annex.analysis.inputDigest}`),
  ];
  if (table.rows.length === 0) return [heading, ...intro, text(t('document.permitSignals.noRows'))];
  const rows = [
    new TableRow({ tableHeader: true, children: table.headers.map((h) => plain(h, true)) }),
    ...table.rows.map((cells) => new TableRow({ children: cells.map((c) => plain(c === null ? '' : typeof c === 'number' ? fmt.score(c).replace(/[.,]0$/, '') : c)) })),
  ];
  return [heading, ...intro, new Table({ rows, width: { size: TABLE_WIDTH, type: WidthType.DXA }, columnWidths: table.headers.map(() => width) })];
}

/**
 * The action plan as an editable Word document for auditors: the scores it was
 * drawn from, then every PI-1 flag with its finding and remedy, and the Owner,
 * Due date and Status of the action recorded for it (left empty to fill in
 * where none is), and an annex of every criterion's maturity. A4 landscape;
 * the table's header row repeats on every page.
 */
export async function buildActionPlanDocx(data: ReportData, language: string): Promise<Uint8Array> {
  const t = reportStrings(language);
  const fmt = reportFormat(language);
  const flagText = reportFlagText(data, language);
  const { assessment } = data;
  const methodology = `${assessment.methodology.id} ${assessment.methodology.version}`;
  const colon = t('tables.common.colon');
  const fact = (label: string, value: string) => factLine(t(`tables.docx.${label}`), value, colon);

  const front: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t('tables.docx.title'))] }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(t('tables.docx.subtitle', { authority: data.authority.name, assessment: assessment.title }))] }),
    fact('authority', data.authority.name),
    fact('assessment', assessment.title),
    fact('asOf', fmt.date(assessment.asOf)),
    fact('status', t(`tables.status.${assessment.status}`)),
    fact('methodology', methodology),
    ...(assessment.digest ? [fact('digest', assessment.digest)] : []),
    fact('generatedAt', fmt.date(data.generatedAt)),
    // What anchors the plan to its register: `verify-audit --report` reads the head from here.
    ...(data.integrity.auditHead
      ? [fact('auditHead', data.integrity.auditHead), fact('signingKey', data.integrity.signingKey ?? t('tables.docx.unsigned'))]
      : []),
    new Paragraph({ spacing: { before: 200, after: 120 }, children: [new TextRun(t('tables.docx.intro', { methodology }))] }),
    ...(assessment.status === 'locked' ? [] : [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: t('tables.docx.draftNote'), italics: true })] })]),
  ];

  const headings = DOCX_ACTION_PLAN_COLUMNS.map((key) => t(`tables.actionPlan.${key}`));
  const headerRow = new TableRow({ tableHeader: true, cantSplit: true, children: headings.map((h, i) => cell([text(h, true)], i, true)) });
  const rows = data.actionPlan.rows.map((item) => {
    const remedy = [
      text(flagText.action(item.flag)),
      ...(item.action ? [new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: `${t('tables.actionPlan.planned')}${colon}`, bold: true }), new TextRun(item.action)] })] : []),
      ...flagText.families(item.flag).map(
        (f) => new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: `${f.title}${colon}`, bold: true }), new TextRun(f.recommendation)] }),
      ),
    ];
    const values = [String(item.number), flagText.severity(item.flag), flagText.subject(item.flag), flagText.reason(item.flag)];
    return new TableRow({
      children: [
        ...values.map((value, i) => cell([text(value)], i)),
        cell(remedy, 4),
        cell([text(item.owner)], 5),
        cell([text(item.due ? fmt.date(item.due) : '')], 6),
        cell([text(item.status ? t(`tables.actionStatus.${item.status}`) : '')], 7),
      ],
    });
  });

  const body =
    rows.length > 0
      ? [new Table({ rows: [headerRow, ...rows], width: { size: TABLE_WIDTH, type: WidthType.DXA }, columnWidths: COLUMN_WIDTHS })]
      : [text(t('tables.docx.empty'))];

  const offences = offencesSection(data, language);

  const doc = new Document({
    creator: 'Permit Integrity',
    lastModifiedBy: 'Permit Integrity',
    title: t('tables.docx.documentTitle', { title: t('tables.docx.title'), authority: data.authority.name, assessment: assessment.title }),
    description: t('tables.docx.subtitle', { authority: data.authority.name, assessment: assessment.title }),
    styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
    sections: [
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: { default: pageFooter(t('tables.docx.page', { page: '{{page}}' })) },
        children: [...front, ...figuresSection(data, language, TABLE_WIDTH), ...offences, ...body, ...permitAnnex(data, language), ...criteriaAnnex(data, language, TABLE_WIDTH)],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * PI-1.3: the legal framework pack before the plan, so whoever acts on an
 * offence-not-established finding sees which offences the law lacks. The rows
 * are the report's own offences table; nothing when the pack is not assessed.
 */
function offencesSection(data: ReportData, language: string): Array<Paragraph | Table> {
  if (!data.view.scores.sections.length) return [];
  const t = reportStrings(language);
  const fmt = reportFormat(language);
  const { headers, rows } = reportTables(data, language).offences;
  const width = Math.floor(TABLE_WIDTH / headers.length);
  const plainCell = (value: string, header = false) =>
    new TableCell({
      children: [text(value, header)],
      width: { size: width, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EDF2' } } : {}),
    });
  const scores = data.view.scores.sections.map(
    (s) =>
      new Paragraph({
        spacing: { after: 120 },
        children: [new TextRun(t('document.offences.score', { score: fmt.score(s.score), coverage: s.coverage.percent === null ? '—' : `${fmt.score(s.coverage.percent)} %`, met: s.coverage.met, total: s.coverage.total }))],
      }),
  );
  const table = new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: headers.map(() => width),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h) => plainCell(h, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value) => plainCell(value === null ? '' : String(value))) })),
    ],
  });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240 }, children: [new TextRun(t('document.sections.offences'))] }),
    new Paragraph({ spacing: { after: 120 }, children: [new TextRun(t('document.offences.intro'))] }),
    ...scores,
    table,
    new Paragraph({ spacing: { after: 240 }, children: [] }),
  ];
}
