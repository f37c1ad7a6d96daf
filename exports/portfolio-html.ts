import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { GuidelineDocument } from '../report/portfolio/GuidelineDocument.js';
import { PortfolioDocument } from '../report/portfolio/PortfolioDocument.js';
import { portfolioWords } from '../report/portfolio/words.js';
import type { GuidelineData } from '../shared/portfolio/guideline.js';
import type { Portfolio } from '../shared/portfolio/types.js';
import { reportFormat, reportStrings } from '../shared/report/strings.js';

/** The portfolio as one self-contained HTML file (inline CSS, inline SVG, no script). */
export function renderPortfolioHtml(portfolio: Portfolio, language: string): string {
  return `<!DOCTYPE html>\n${renderToStaticMarkup(createElement(PortfolioDocument, { portfolio, w: portfolioWords(portfolio, language) }))}\n`;
}

/** The draft integrity guideline as one self-contained HTML file. */
export function renderGuidelineHtml(data: GuidelineData): string {
  const t = reportStrings(data.language);
  const date = reportFormat(data.language).date(data.generatedAt);
  return `<!DOCTYPE html>\n${renderToStaticMarkup(createElement(GuidelineDocument, { data, t, date }))}\n`;
}
