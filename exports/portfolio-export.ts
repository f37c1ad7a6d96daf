import { guidelineData, type GuidelineLibrary } from '../shared/portfolio/guideline.js';
import type { Portfolio } from '../shared/portfolio/types.js';
import { MEDIA_TYPES, type PortfolioDocument, type PortfolioFormat } from '../shared/report/formats.js';
import { htmlToPdf } from './pdf.js';
import { buildGuidelineDocx } from './portfolio-docx.js';
import { portfolioCsv } from './portfolio-csv.js';
import { renderGuidelineHtml, renderPortfolioHtml } from './portfolio-html.js';
import { buildPortfolioXlsx } from './portfolio-xlsx.js';

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
  const allowed: readonly string[] = PORTFOLIO_EXPORTS[document];
  if (!allowed.includes(format)) throw new Error(`the ${document} cannot be exported as ${format}`);
  const base = `${document === 'portfolio' ? 'portfolio' : 'integrity-guideline'}-${portfolio.generatedAt.slice(0, 10)}-${language}`;
  const file = (bytes: Uint8Array): PortfolioFile => ({ fileName: `${base}.${format}`, mediaType: MEDIA_TYPES[format], bytes });

  if (document === 'portfolio') {
    if (format === 'xlsx') return file(await buildPortfolioXlsx(portfolio, language));
    if (format === 'csv') return file(utf8(portfolioCsv(portfolio, language)));
    const html = renderPortfolioHtml(portfolio, language);
    return file(format === 'pdf' ? await htmlToPdf(html, options.printPdf) : utf8(html));
  }
  const data = guidelineData(portfolio, library, language);
  if (format === 'docx') return file(await buildGuidelineDocx(data));
  const html = renderGuidelineHtml(data);
  return file(format === 'pdf' ? await htmlToPdf(html, options.printPdf) : utf8(html));
}
