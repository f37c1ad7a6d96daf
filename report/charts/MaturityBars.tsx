import type { ReportCriterion } from '../../shared/report/report-data.js';
import type { Words } from '../words.js';

const WIDTH = 640;
const LABEL = 92;
const VALUE = 64;
const ROW = 17;
const TOP = 22;

/**
 * Final maturity of each applicable criterion as a bar on the 0–4 scale, the
 * target as a tick across it, and both numbers written at the end of the row,
 * so the chart reads without colour. Inline SVG: no script, no DOM needed.
 */
export function MaturityBars({ criteria, words }: { criteria: readonly ReportCriterion[]; words: Words }) {
  const { t } = words;
  const rows = criteria.filter((c) => c.applicable);
  const plot = WIDTH - LABEL - VALUE;
  const x = (level: number) => LABEL + (plot * level) / 4;
  const height = TOP + rows.length * ROW + 6;
  const title = t('document.summary.maturityChart');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg">
        <title>{title}</title>
        {[0, 1, 2, 3, 4].map((level) => (
          <g key={level}>
            <line x1={x(level)} x2={x(level)} y1={TOP - 4} y2={height - 4} stroke="#c8ccd2" strokeWidth="0.6" />
            <text x={x(level)} y={TOP - 8} fontSize="9" textAnchor="middle" fill="#3b4250">
              {level}
            </text>
          </g>
        ))}
        {rows.map((c, i) => {
          const y = TOP + i * ROW;
          return (
            <g key={c.id}>
              <text x={LABEL - 6} y={y + 11} fontSize="9.5" textAnchor="end" fill="#1d232c">
                {c.id}
              </text>
              <rect x={LABEL} y={y + 3} width={Math.max(0, x(c.final) - LABEL)} height={ROW - 6} fill={c.meetsTarget ? '#2f5f8f' : '#c46a1b'} />
              {c.target > 0 ? <line x1={x(c.target)} x2={x(c.target)} y1={y + 1} y2={y + ROW - 1} stroke="#1d232c" strokeWidth="2.2" /> : null}
              <text x={WIDTH - VALUE + 6} y={y + 11} fontSize="9.5" fill="#1d232c">
                {c.final} / {c.target > 0 ? c.target : '—'}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {t('document.chart.scale')} {t('document.chart.figures')}
      </figcaption>
    </figure>
  );
}
