import type { ReportData } from '../shared/report/report-data.js';
import { ActionPlan } from './ActionPlan.js';
import { AuditExtract, EvidenceRegister, MethodologySummary } from './Annexes.js';
import { ChainRisk } from './ChainRisk.js';
import { Cover } from './Cover.js';
import { Criteria } from './Criteria.js';
import { PermitSignalsAnnex } from './PermitSignals.js';
import { QualityCheck } from './QualityCheck.js';
import { Summary } from './Summary.js';
import { Trend } from './Trend.js';
import { reportWords } from './words.js';

/**
 * The assessment report as one React tree: the HTML export, the PDF (that
 * HTML printed) and the in-app preview all render exactly this, from the
 * same ReportData, so no two of them can disagree. Pure: no hooks, no DOM,
 * no Node, so react-dom/server renders it anywhere.
 */
export function ReportDocument({ data, language }: { data: ReportData; language: string }) {
  const words = reportWords(data, language);
  return (
    <div className="pi-report" lang={language} data-assessment={data.assessment.uid}>
      <Cover data={data} words={words} />
      <Summary data={data} words={words} />
      {data.showTrend ? <Trend data={data} words={words} /> : null}
      <QualityCheck data={data} words={words} />
      <Criteria data={data} words={words} />
      <ChainRisk data={data} words={words} />
      <ActionPlan data={data} words={words} />
      <EvidenceRegister data={data} words={words} />
      <AuditExtract data={data} words={words} />
      <MethodologySummary data={data} words={words} />
      <PermitSignalsAnnex data={data} words={words} />
    </div>
  );
}
