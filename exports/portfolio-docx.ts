import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { GuidelineData, GuidelineGap } from '../shared/portfolio/guideline.js';
import { reportFormat, reportStrings, type ReportT } from '../shared/report/strings.js';

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;

const plain = (text: string, options: { italics?: boolean; color?: string } = {}) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, ...options })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ heading: level, spacing: { before: 240, after: 80 }, children: [new TextRun(text)] });
const bullet = (text: string) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] });

function gapParagraphs(gap: GuidelineGap, t: ReportT): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      spacing: { before: 360 },
      children: [new TextRun({ text: `${t('portfolio.guideline.gap', { rank: gap.rank })} · ${t(`portfolio.guideline.kinds.${gap.kind}`)}`, allCaps: true, size: 18, color: '2C5D7C' })],
    }),
    heading(gap.title, HeadingLevel.HEADING_2),
    heading(t('portfolio.guideline.figuresHeading'), HeadingLevel.HEADING_3),
    ...gap.figures.map(bullet),
  ];
  if (gap.references.length) {
    out.push(heading(t('portfolio.guideline.referencesHeading'), HeadingLevel.HEADING_3));
    for (const ref of gap.references) {
      out.push(
        new Paragraph({
          spacing: { after: 60 },
          children: [
            new TextRun({ text: ref.paragraph, bold: true }),
            new TextRun(` — ${ref.title}. `),
            new TextRun({ text: t('portfolio.guideline.obligation', { level: ref.obligationLabel }), italics: true }),
          ],
        }),
      );
      // The treaty text in English (one of the six equally authentic texts), set apart as a quotation.
      if (ref.text) {
        out.push(
          new Paragraph({
            indent: { left: 400 },
            spacing: { after: 120 },
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: '9AA9B8', space: 8 } },
            children: [new TextRun({ text: ref.text, italics: true, language: { value: 'en-GB' } })],
          }),
        );
      }
    }
  }
  out.push(heading(t('portfolio.guideline.measuresHeading'), HeadingLevel.HEADING_3));
  for (const m of gap.measures) {
    const label = [m.core ? t('portfolio.guideline.core') : '', m.paragraphs.length ? t('portfolio.guideline.serves', { paragraphs: m.paragraphs.join(', ') }) : ''].filter(Boolean).join(' · ');
    out.push(new Paragraph({ spacing: { before: 120, after: 40 }, children: [new TextRun({ text: m.title, bold: true }), ...(label ? [new TextRun({ text: ` (${label})`, color: '55606E' })] : [])] }));
    out.push(plain(m.recommendation));
  }
  return out;
}

/**
 * The draft integrity guideline as an editable Word document: headings per
 * gap, the anonymised figures, each UNCAC paragraph quoted in English, and the
 * library's recommended measures tied to it. A4 portrait with page numbers.
 */
export async function buildGuidelineDocx(data: GuidelineData): Promise<Uint8Array> {
  const t = reportStrings(data.language);
  const date = reportFormat(data.language).date(data.generatedAt);
  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t('portfolio.guideline.title'))] }),
    plain(t('portfolio.guideline.subtitle', { count: data.authorities }), { color: '55606E' }),
    plain(`${t('portfolio.document.generated', { date })} · ${t('portfolio.document.k', { k: data.k })}`, { color: '55606E' }),
    plain(t('portfolio.guideline.draft'), { italics: true }),
    plain(t('portfolio.guideline.intro')),
    plain(t('portfolio.guideline.anonymity', { k: data.k }), { color: '55606E' }),
    ...(data.treatyInEnglishOnly ? [plain(t('portfolio.guideline.treatyEnglish'), { color: '55606E' })] : []),
    heading(t('portfolio.guideline.gapsHeading'), HeadingLevel.HEADING_1),
  ];
  if (data.suppressed) body.push(plain(t('portfolio.guideline.wholeSuppressed', { k: data.k })));
  else if (!data.gaps.length) body.push(plain(t('portfolio.guideline.noGaps')));
  else for (const gap of data.gaps) body.push(...gapParagraphs(gap, t));

  const doc = new Document({
    creator: 'Permit Integrity',
    title: t('portfolio.guideline.title'),
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
