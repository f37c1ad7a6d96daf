import { NoAssessment } from '../../components/EmptyState.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/api/languages.js';
import type { ReportData } from '../../../../shared/report/report-data.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { StatusBadge } from '../../components/Badges.js';
import { useFormat } from '../../i18n/format.js';
import { ExportPanel } from './ExportPanel.js';
import { QualityPanel } from './QualityPanel.js';
import { ReportPreview } from './ReportPreview.js';
import { TrendPanel } from './TrendPanel.js';
import '../../styles/reports.css';

/**
 * Reports of the selected assessment: the quality check an auditor would
 * raise, the exports (PDF, HTML, XLSX, DOCX, CSV) in a chosen language, the
 * trend across locked assessments, and a preview that is the report document
 * itself. Everything is drawn from one `reports.data` answer.
 */
export function ReportsScreen() {
  const { t, i18n } = useTranslation('reports');
  const api = useApi();
  const notify = useNotify();
  const format = useFormat();
  const w = useWorkspace();
  const [data, setData] = useState<ReportData | null>(null);
  const uiLanguage = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const detail = w.detail;

  // The report language follows the UI language until the user picks another one here.
  const [chosen, setChosen] = useState(false);
  useEffect(() => {
    if (!chosen) setLanguage(uiLanguage);
  }, [uiLanguage, chosen]);

  // Reload whenever the assessment changes or is re-scored (detail is replaced on every change).
  useEffect(() => {
    if (!detail) {
      setData(null);
      return;
    }
    let current = true;
    setData(null);
    api
      .call('reports.data', { id: detail.assessment.id })
      .then((value) => {
        if (current) setData(value);
      })
      .catch((e: unknown) => {
        if (current) notify.error(e);
      });
    return () => {
      current = false;
    };
  }, [api, detail, notify]);

  if (!detail) return <NoAssessment heading={t('title', { authority: w.authority?.name })} />;
  const { assessment } = detail;
  return (
    <>
      <h1>{t('title', { authority: w.authority?.name })}</h1>
      <p>
        {assessment.title} · {t('common:common.asOf', { date: format.date(assessment.asOf) })} · <StatusBadge status={assessment.status} />
      </p>
      {!data ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <>
          <div className="reports-top">
            <QualityPanel data={data} />
            <ExportPanel
              assessmentId={assessment.id}
              language={language}
              onLanguage={(l) => {
                setChosen(true);
                setLanguage(l);
              }}
            />
          </div>
          {data.showTrend ? <TrendPanel points={data.trend} /> : null}
          <ReportPreview data={data} language={language} />
        </>
      )}
    </>
  );
}
