import type { ReportData } from '../shared/report/report-data.js';
import { ActionPlan } from './ActionPlan.js';
import { AuditExtract, EvidenceRegister, MethodologySummary } from './Annexes.js';
import { ChainRisk } from './ChainRisk.js';
import { ControlsAnnex } from './ControlsAnnex.js';
import { CommentsAnnex } from './CommentsAnnex.js';
import { Cover } from './Cover.js';
import { Criteria } from './Criteria.js';
import { LegalFramework } from './LegalFramework.js';
import { PermitSignalsAnnex } from './PermitSignals.js';
import { QualityCheck } from './QualityCheck.js';
import { Summary } from './Summary.js';
import { Trend } from './Trend.js';
import { reportWords } from './words.js';

/** The report's sections, in order; the in-app preview shows them one at a time. */
export const REPORT_SECTIONS = ['summary', 'quality', 'criteria', 'chain', 'action-plan', 'evidence', 'audit', 'methodology'] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

/**
 * The assessment report as one React tree: the HTML export, the PDF (that
 * HTML printed) and the in-app preview all render exactly this, from the
 * same ReportData, so no two of them can disagree. Pure: no hooks, no DOM,
 * no Node, so react-dom/server renders it anywhere. `only` limits it to some
 * sections (the preview pages through them; the exports render them all).
 */
export function ReportDocument({ data, language, only }: { data: ReportData; language: string; only?: readonly ReportSectionId[] }) {
  const words = reportWords(data, language);
  const shows = (id: ReportSectionId) => !only || only.includes(id);
  return (
    <div className="pi-report" lang={language} data-assessment={data.assessment.uid}>
      {shows('summary') ? (
        <>
          <Cover data={data} words={words} />
          <Summary data={data} words={words} />
          {data.showTrend ? <Trend data={data} words={words} /> : null}
        </>
      ) : null}
      {shows('quality') ? <QualityCheck data={data} words={words} /> : null}
      {shows('criteria') ? <Criteria data={data} words={words} /> : null}
      {shows('criteria') ? <LegalFramework data={data} words={words} /> : null}
      {shows('chain') ? <ChainRisk data={data} words={words} /> : null}
      {shows('action-plan') ? <ActionPlan data={data} words={words} /> : null}
      {shows('evidence') ? <EvidenceRegister data={data} words={words} /> : null}
      {shows('audit') ? <AuditExtract data={data} words={words} /> : null}
      {shows('methodology') ? <MethodologySummary data={data} words={words} /> : null}
      {shows('methodology') ? <ControlsAnnex data={data} words={words} /> : null}
      {shows('methodology') && data.showComments ? <CommentsAnnex data={data} words={words} /> : null}
      {shows('methodology') ? <PermitSignalsAnnex data={data} words={words} /> : null}
    </div>
  );
}
