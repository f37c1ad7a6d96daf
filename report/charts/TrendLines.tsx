import type { TrendPoint } from '../../shared/report/trend.js';
import type { Words } from '../words.js';
import { scoreSeries, type TrendSeries } from './trend-series.js';

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 64, right: 64, top: 14, bottom: 34 };
/** Each line differs by dash and marker as well as colour, so it survives greyscale printing. */
const STYLES = [
  { stroke: '#1d232c', dash: '', width: 2.6, marker: 'circle' },
  { stroke: '#2f5f8f', dash: '6 3', width: 1.8, marker: 'square' },
  { stroke: '#c46a1b', dash: '2 2', width: 1.8, marker: 'triangle' },
  { stroke: '#5b7d2a', dash: '8 2 2 2', width: 1.8, marker: 'diamond' },
  { stroke: '#7a3f8f', dash: '1 3', width: 1.8, marker: 'circle' },
] as const;

/** The score series in the report's words. */
export function trendSeries(points: readonly TrendPoint[], words: Words): TrendSeries[] {
  return scoreSeries(points, { overall: words.t('document.chart.overall'), article: (article) => words.t('document.chart.articleLine', { article }) });
}

function Marker({ shape, x, y, color }: { shape: string; x: number; y: number; color: string }) {
  switch (shape) {
    case 'square':
      return <rect x={x - 3.5} y={y - 3.5} width="7" height="7" fill={color} />;
    case 'triangle':
      return <polygon points={`${x},${y - 4.5} ${x + 4.5},${y + 3.5} ${x - 4.5},${y + 3.5}`} fill={color} />;
    case 'diamond':
      return <polygon points={`${x},${y - 4.5} ${x + 4.5},${y} ${x},${y + 4.5} ${x - 4.5},${y}`} fill={color} />;
    default:
      return <circle cx={x} cy={y} r="3.8" fill={color} />;
  }
}

export function LegendSwatch({ index }: { index: number }) {
  const style = STYLES[index % STYLES.length]!;
  return (
    <svg width="30" height="10" viewBox="0 0 30 10" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">
      <line x1="0" x2="30" y1="5" y2="5" stroke={style.stroke} strokeWidth={style.width} strokeDasharray={style.dash || undefined} />
      <Marker shape={style.marker} x={15} y={5} color={style.stroke} />
    </svg>
  );
}

/** Scores (0–100) by as-of date; points are spaced evenly because assessments are, roughly, yearly. */
export function TrendLines({ points, words }: { points: readonly TrendPoint[]; words: Words }) {
  const series = trendSeries(points, words);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? plotW / 2 : (plotW * i) / (points.length - 1));
  const y = (score: number) => PAD.top + plotH * (1 - score / 100);
  const title = words.t('document.trend.scores');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg">
        <title>{title}</title>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke="#d5d9de" strokeWidth="0.6" />
            <text x={PAD.left - 6} y={y(v) + 3} fontSize="9" textAnchor="end" fill="#3b4250">
              {v}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <text key={p.assessmentUid} x={x(i)} y={HEIGHT - PAD.bottom + 16} fontSize="9" textAnchor="middle" fill="#3b4250">
            {words.fmt.date(p.asOf)}
          </text>
        ))}
        {series.map((s, index) => {
          const style = STYLES[index % STYLES.length]!;
          const segments: string[][] = [[]];
          s.values.forEach((v, i) => (v === null ? segments.push([]) : segments.at(-1)!.push(`${x(i)},${y(v)}`)));
          return (
            <g key={s.key}>
              {segments.filter((seg) => seg.length > 1).map((seg, n) => (
                <polyline key={n} points={seg.join(' ')} fill="none" stroke={style.stroke} strokeWidth={style.width} strokeDasharray={style.dash || undefined} />
              ))}
              {s.values.map((v, i) => (v === null ? null : <Marker key={i} shape={style.marker} x={x(i)} y={y(v)} color={style.stroke} />))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {series.map((s, index) => (
            <li key={s.key}>
              <LegendSwatch index={index} /> {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
