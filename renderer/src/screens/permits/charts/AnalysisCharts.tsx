import { useEffect, useState } from 'react';
import type { PermitCharts } from '../../../../../shared/permits/summaries.js';
import { useApi } from '../../../api/ApiContext.js';
import { useNotify } from '../../../app/notify.js';
import { OfficerChart } from './OfficerChart.js';
import { SourceSharesChart, type SourceFilter } from './SourceSharesChart.js';

/** Typing in the taxon filter waits this long before the shares are counted again over every trade line. */
const TYPING_PAUSE_MS = 300;

/**
 * The officer-concentration and source-share charts. Their figures come from
 * the API (permits.charts), computed in shared/; this only draws them. `run`
 * is the analysis run shown, so a new run reloads them.
 */
export function AnalysisCharts({ authorityId, people, run }: { authorityId: number; people: boolean; run: string }) {
  const api = useApi();
  const notify = useNotify();
  const [charts, setCharts] = useState<PermitCharts | null>(null);
  const [filter, setFilter] = useState<SourceFilter>({ exporter: '', taxon: '' });
  const [taxon, setTaxon] = useState('');

  useEffect(() => {
    const timer = window.setTimeout(() => setTaxon(filter.taxon.trim()), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [filter.taxon]);

  useEffect(() => {
    let current = true;
    api
      .call('permits.charts', { authorityId, withPeople: people, ...(filter.exporter ? { exporter: filter.exporter } : {}), ...(taxon ? { taxon } : {}) })
      .then((value) => {
        if (current) setCharts(value);
      })
      .catch((e: unknown) => notify.error(e));
    return () => {
      current = false;
    };
  }, [api, notify, authorityId, people, filter.exporter, taxon, run]);

  if (!charts) return null;
  return (
    <>
      <OfficerChart officers={charts.officers} />
      <SourceSharesChart sources={charts.sources} filter={filter} onFilter={setFilter} />
    </>
  );
}
