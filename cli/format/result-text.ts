import type { ResultView } from '../../shared/report/result-view.js';
import { table } from './table.js';

const BAND_MARK: Record<string, string> = { low: 'L', medium: 'M', high: 'H', critical: 'C' };

export function scoresText(view: ResultView): string {
  const head = [
    `${view.authority.name} — ${view.assessment.title}`,
    `as of ${view.asOf} · methodology ${view.methodology.id} ${view.methodology.version}${view.assessment.status ? ` · ${view.assessment.status}` : ''}`,
    ...(view.assessment.digest ? [`digest SHA-256 ${view.assessment.digest}`] : []),
    '',
    `Overall score ${fmt(view.scores.overall)} / 100 · coverage ${fmt(view.scores.coverage.percent)}% (${view.scores.coverage.met} of ${view.scores.coverage.total} criteria at target)`,
    `Flags: ${view.flagCounts.critical} critical, ${view.flagCounts.high} high, ${view.flagCounts.medium} medium, ${view.flagCounts.low} low`,
    '',
  ];
  const articles = table(
    ['Article', 'Title', 'Score', 'Coverage %'],
    view.scores.articles.map((a) => [a.article, a.title, a.score, a.coverage.percent]),
  );
  // PI-1.3: a separately scored section (the legal framework pack) is printed after, never pooled into the overall line.
  const sections = view.scores.sections.flatMap((section) => [
    '',
    `${section.title}: score ${fmt(section.score)} / 100 · coverage ${fmt(section.coverage.percent)}% (${section.coverage.met} of ${section.coverage.total} criteria at target) · scored separately, not in the overall score`,
    table(
      ['Risk type', 'Offence', 'Final', 'Flag'],
      view.offences.map((o) => [o.riskType, o.paragraph, o.applicable ? o.final : 'n/a', o.flagged ? 'offence-not-established' : '']),
    ),
  ]);
  return [...head, articles, ...sections].join('\n');
}

export function criteriaText(view: ResultView): string {
  return table(
    ['Criterion', 'Obligation', 'W', 'Target', 'Derived', 'Final', 'Status'],
    view.criteria.map((c) => [
      c.paragraph,
      c.obligation,
      c.weight,
      c.target,
      c.derived,
      c.final,
      !c.applicable ? 'not applicable' : c.override ? `override${c.meetsTarget ? '' : ', below target'}` : c.meetsTarget ? 'at target' : 'below target',
    ]),
  );
}

export function flagsText(view: ResultView): string {
  if (!view.flags.length) return 'No flags.';
  return view.flags
    .map((f, i) => {
      const remedy = f.remedy.families.map((family) => `     · ${family.title}: ${family.recommendation}`).join('\n');
      return `${String(i + 1).padStart(3)}. [${f.severity.toUpperCase()}] ${f.kind} — ${f.subject.label}\n     ${f.reason}\n     Remedy: ${f.remedy.action}${remedy ? `\n${remedy}` : ''}`;
    })
    .join('\n');
}

/** Stages down, risk types across; each cell "inherent→residual band", readable without colour. */
export function chainText(view: ResultView, labels: { stages: Array<{ id: string; title: string }>; riskTypes: Array<{ id: string; title: string }> }): string {
  const byCell = new Map(view.chain.map((c) => [`${c.stage}/${c.riskType}`, c]));
  const rows = labels.stages.map((stage) => [
    stage.title,
    ...labels.riskTypes.map((risk) => {
      const cell = byCell.get(`${stage.id}/${risk.id}`);
      return cell ? `${cell.inherent}→${cell.residual.toFixed(1)} ${BAND_MARK[cell.band]}` : '';
    }),
  ]);
  return `${table(['Stage \\ risk (inherent→residual band)', ...labels.riskTypes.map((r) => r.title)], rows)}\nBands: L low (<5), M medium (5–<10), H high (10–<15), C critical (≥15).`;
}

function fmt(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}
