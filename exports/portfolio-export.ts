import { guidelineData, type GuidelineLibrary } from '../shared/portfolio/guideline.js';
import type { Portfolio } from '../shared/portfolio/types.js';
import { MEDIA_TYPES, type PortfolioDocument, type PortfolioFormat } from '../shared/report/formats.js';
// Each format's builder (exceljs, docx, React, playwright) is imported when that format is asked for.
const htmlToPdf = async (html: string, printer?: (html: string) => Promise<Uint8Array>) => (await import('./pdf.js')).htmlToPdf(html, printer);

/** Which formats each document comes in: the figures as tables; the guideline as prose. */
export const PORTFOLIO_EXPORTS = {
  portfolio: ['html', 'xlsx', 'csv', 'pdf'],
  guideline: ['html', 'docx', 'pdf'],
} as const satisfies Record<PortfolioDocument, readonly PortfolioFormat[]>;

export interface PortfolioExportOptions {
  document: PortfolioDocument;
  format: PortfolioFormat;
  language: string;
  printPdf?: ((html: string) => Promise<Uint8Array>) | undefined;
}

export interface PortfolioFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** One portfolio document in one format and language; every format is drawn from the same Portfolio. */
export async function exportPortfolio(portfolio: Portfolio, library: GuidelineLibrary, options: PortfolioExportOptions): Promise<PortfolioFile> {
  const { document, format, language } = options;
  // As for reports: React's production build unless the process says otherwise.
  process.env.NODE_ENV ??= 'production';
  const allowed: readonly string[] = PORTFOLIO_EXPORTS[document];
  if (!allowed.includes(format)) throw new Error(`the ${document} cannot be exported as ${format}`);
  const base = `${document === 'portfolio' ? 'portfolio' : 'integrity-guideline'}-${portfolio.generatedAt.slice(0, 10)}-${language}`;
  const file = (bytes: Uint8Array): PortfolioFile => ({ fileName: `${base}.${format}`, mediaType: MEDIA_TYPES[format], bytes });

  if (document === 'portfolio') {
    if (format === 'xlsx') return file(await (await import('./portfolio-xlsx.js')).buildPortfolioXlsx(portfolio, language));
    if (format === 'csv') return file(utf8((await import('./portfolio-csv.js')).portfolioCsv(portfolio, language)));
    const html = (await import('./portfolio-html.js')).renderPortfolioHtml(portfolio, language);
    return file(format === 'pdf' ? await htmlToPdf(html, options.printPdf) : utf8(html));
  }
  const data = guidelineData(portfolio, library, language);
  if (format === 'docx') return file(await (await import('./portfolio-docx.js')).buildGuidelineDocx(data));
  const html = (await import('./portfolio-html.js')).renderGuidelineHtml(data);
  return file(format === 'pdf' ? await htmlToPdf(html, options.printPdf) : utf8(html));
}
