import { SEVERITIES } from '../../shared/domain/vocabulary.js';
import type { TrendPoint } from '../../shared/report/trend.js';
import type { Words } from '../words.js';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 64, right: 64, top: 16, bottom: 30 };
export const SEVERITY_COLOURS: Record<(typeof SEVERITIES)[number], string> = { critical: '#8b1a1a', high: '#c2410c', medium: '#a86b00', low: '#4a6fa5' };

/**
 * Flags by severity for each locked assessment: a group of four bars per
 * as-of date, each with its count written above it, so no figure depends on colour.
 */
export function FlagBars({ points, words }: { points: readonly TrendPoint[]; words: Words }) {
  const { t } = words;
  const max = Math.max(1, ...points.flatMap((p) => SEVERITIES.map((s) => p.flagCounts[s])));
  const step = Math.max(1, Math.ceil(max / 4));
  const top = step * 4;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const group = plotW / Math.max(1, points.length);
  const bar = Math.min(28, (group * 0.7) / SEVERITIES.length);
  const y = (count: number) => PAD.top + plotH * (1 - count / top);
  const title = t('document.trend.flags');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg">
        <title>{title}</title>
        {[0, 1, 2, 3, 4].map((n) => (
          <g key={n}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(n * step)} y2={y(n * step)} stroke="#d5d9de" strokeWidth="0.6" />
            <text x={PAD.left - 6} y={y(n * step) + 3} fontSize="9" textAnchor="end" fill="#3b4250">
              {n * step}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const left = PAD.left + group * i + (group - bar * SEVERITIES.length) / 2;
          return (
            <g key={p.assessmentUid}>
              {SEVERITIES.map((s, k) => {
                const count = p.flagCounts[s];
                const bx = left + k * bar;
                return (
                  <g key={s}>
                    <rect x={bx + 1} y={y(count)} width={bar - 2} height={y(0) - y(count)} fill={SEVERITY_COLOURS[s]} />
                    <text x={bx + bar / 2} y={y(count) - 3} fontSize="8.5" textAnchor="middle" fill="#1d232c">
                      {count}
                    </text>
                  </g>
                );
              })}
              <text x={PAD.left + group * i + group / 2} y={HEIGHT - PAD.bottom + 16} fontSize="9" textAnchor="middle" fill="#3b4250">
                {words.fmt.date(p.asOf)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {SEVERITIES.map((s) => (
            <li key={s}>
              <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">
                <rect width="10" height="10" fill={SEVERITY_COLOURS[s]} />
              </svg>{' '}
              {t(`document.severity.${s}`)}
            </li>
          ))}
        </ul>
        <span className="chart-note">{t('document.chart.barOrder')}</span>
      </figcaption>
    </figure>
  );
}
