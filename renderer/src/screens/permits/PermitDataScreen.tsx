import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PermitFlagFilter } from '../../../../shared/permits/flag-filter.js';
import { PERMIT_FLAG_KINDS, type PermitFlagKind } from '../../../../shared/permits/records.js';
import type { PermitFlagPage, StoredPermitFlag } from '../../../../shared/permits/summaries.js';
import { useApi } from '../../api/ApiContext.js';
import { useWorkspace } from '../../app/workspace.js';
import { useFormat } from '../../i18n/format.js';
import { AttachEvidence } from './AttachEvidence.js';
import { AnalysisCharts } from './charts/AnalysisCharts.js';
import { MonthChart } from './charts/MonthChart.js';
import { FlaggedTable } from './FlaggedTable.js';
import { FlagExport } from './FlagExport.js';
import { ImportPanel } from './ImportPanel.js';
import { RecordsDialog } from './RecordsDialog.js';
import '../../styles/permits.css';

/**
 * Permit data (PI-1.2): import, the latest analysis run as tiles, the charts
 * (flags per month, officer concentration, source shares), and the flagged
 * permits, filterable, exportable and each opening the records behind it.
 * Officers and applicants appear only when the user chooses to show them.
 */
export function PermitDataScreen() {
  const { t } = useTranslation('permits');
  const api = useApi();
  const w = useWorkspace();
  const format = useFormat();
  const ids = { kind: useId(), taxon: useId(), from: useId(), to: useId(), people: useId(), officer: useId(), applicant: useId() };
  // The list remembers whether it was fetched with people, so the officer and
  // applicant columns appear with their values, not empty while the refetch runs.
  const [listed, setListed] = useState<{ page: PermitFlagPage; people: boolean } | null>(null);
  const [analysed, setAnalysed] = useState(0);
  const [kind, setKind] = useState<PermitFlagKind | ''>('');
  const [taxon, setTaxon] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [people, setPeople] = useState(false);
  const [officer, setOfficer] = useState('');
  const [applicant, setApplicant] = useState('');
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<{ flag: StoredPermitFlag; opener: HTMLElement } | null>(null);
  const authorityId = w.authority?.id ?? null;

  // One filter for the list and its export, so a file holds what the screen shows.
  const filter = useMemo<PermitFlagFilter>(
    () => ({
      ...(kind ? { kind } : {}),
      ...(taxon.trim() ? { taxon: taxon.trim() } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(from) ? { from } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(to) ? { to } : {}),
      ...(people && officer.trim() ? { officer: officer.trim() } : {}),
      ...(people && applicant.trim() ? { applicant: applicant.trim() } : {}),
    }),
    [kind, taxon, from, to, people, officer, applicant],
  );

  useEffect(() => {
    if (authorityId === null) return;
    // Only the answer to the latest filter may land: a slow earlier one would show the wrong list.
    let current = true;
    api
      .call('permits.flags', { authorityId, limit: 100_000, withPeople: people, ...filter })
      .then((page) => current && setListed({ page, people }))
      .catch(() => current && setListed(null));
    return () => {
      current = false;
    };
  }, [api, authorityId, people, filter, analysed]);
  const page = listed?.page ?? null;

  if (authorityId === null) return <p>{t('common:empty.noAuthority')}</p>;

  async function analyse() {
    setBusy(true);
    try {
      await api.call('permits.analyse', { authorityId: authorityId! });
      setAnalysed((n) => n + 1);
      await w.refresh();
    } finally {
      setBusy(false);
    }
  }

  function closeRecords() {
    // Back to the permit that opened the dialog, so keyboard users keep their place in the list.
    if (opened?.opener.isConnected) opened.opener.focus();
    setOpened(null);
  }

  const summary = page?.analysis ?? null;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="permits-intro">{t('intro')}</p>
      <ImportPanel authorityId={authorityId} onImported={() => undefined} />
      <div className="toolbar">
        <button type="button" onClick={analyse} disabled={busy}>
          {t('analyse')}
        </button>
      </div>
      {!summary ? (
        <p data-testid="permits-none">{t('noAnalysis')}</p>
      ) : (
        <>
          <ul className="permits-tiles" data-testid="permits-tiles">
            <li>
              <span className="tile-label">{t('tiles.rows')}</span>
              <strong>{format.count(summary.tradeLines + summary.registerPermits)}</strong>
              <span className="muted">{t('tiles.rowsDetail', { trade: format.count(summary.tradeLines), register: format.count(summary.registerPermits) })}</span>
            </li>
            <li>
              <span className="tile-label">{t('tiles.period')}</span>
              <strong>{summary.period.from ? `${format.date(summary.period.from)} – ${format.date(summary.period.to!)}` : '—'}</strong>
            </li>
            <li>
              <span className="tile-label">{t('tiles.flagged')}</span>
              <strong data-testid="permits-flagged">{format.count(summary.flaggedPermits)}</strong>
            </li>
          </ul>
          <section className="panel" aria-labelledby={`${ids.kind}-kinds`}>
            <h2 id={`${ids.kind}-kinds`}>{t('byKind')}</h2>
            <ul className="permits-kinds">
              {PERMIT_FLAG_KINDS.map((k) => (
                <li key={k}>
                  {t(`kinds.${k}`)}: <strong>{format.count(summary.flagsByKind[k])}</strong>
                </li>
              ))}
            </ul>
          </section>
          <AttachEvidence authorityId={authorityId} asOf={summary.analysedAt.slice(0, 10)} />
          <MonthChart flags={page?.flags ?? []} />
          <AnalysisCharts authorityId={authorityId} people={people} run={summary.uid} />
          <div className="toolbar" role="search" aria-label={t('filters.label')}>
            <div className="filter-field">
              <label htmlFor={ids.kind}>{t('filters.kind')}</label>
              <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as PermitFlagKind | '')}>
                <option value="">{t('filters.allKinds')}</option>
                {PERMIT_FLAG_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="filter-field">
              <label htmlFor={ids.taxon}>{t('filters.taxon')}</label>
              <input id={ids.taxon} value={taxon} onChange={(e) => setTaxon(e.target.value)} />
            </div>
            <div className="filter-field">
              <label htmlFor={ids.from}>{t('filters.from')}</label>
              <input id={ids.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="filter-field">
              <label htmlFor={ids.to}>{t('filters.to')}</label>
              <input id={ids.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </div>
            <div className="checkbox-field">
              <input id={ids.people} type="checkbox" checked={people} onChange={(e) => setPeople(e.target.checked)} />
              <label htmlFor={ids.people}>{t('filters.people')}</label>
            </div>
            {people ? (
              <>
                <div className="filter-field">
                  <label htmlFor={ids.officer}>{t('filters.officer')}</label>
                  <input id={ids.officer} value={officer} onChange={(e) => setOfficer(e.target.value)} />
                </div>
                <div className="filter-field">
                  <label htmlFor={ids.applicant}>{t('filters.applicant')}</label>
                  <input id={ids.applicant} value={applicant} onChange={(e) => setApplicant(e.target.value)} />
                </div>
              </>
            ) : null}
            <FlagExport authorityId={authorityId} filter={filter} people={people} />
          </div>
          <p aria-live="polite" data-testid="permits-shown">
            {t('shown', { count: page?.total ?? 0, formatted: format.count(page?.total ?? 0) })}
          </p>
          <FlaggedTable flags={page?.flags ?? []} people={listed?.people ?? false} onOpen={(flag, opener) => setOpened({ flag, opener })} />
          <RecordsDialog authorityId={authorityId} flag={opened?.flag ?? null} people={people} onClose={closeRecords} />
        </>
      )}
    </>
  );
}
