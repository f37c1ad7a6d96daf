import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_K, MIN_K, type Portfolio } from '../../../../shared/portfolio/types.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useFormat } from '../../i18n/format.js';
import '../../styles/portfolio.css';
import { ChainGrid } from './ChainGrid.js';
import { FamilyGapsTable, FlagKindsTable } from './CountTables.js';
import { CriteriaTable } from './CriteriaTable.js';
import { ExportPanel } from './ExportPanel.js';
import { FolderImport } from './FolderImport.js';

const MAX_K = 1000;

function parseK(text: string): number | null {
  const value = Number(text);
  return /^\d+$/.test(text.trim()) && value >= MIN_K && value <= MAX_K ? value : null;
}

/**
 * The consultant's workspace: import many authorities' packages, see the
 * pooled figures (counts only, never a name; figures over fewer than k
 * authorities suppressed) and export the portfolio and a draft guideline.
 */
export function PortfolioScreen() {
  const { t } = useTranslation('portfolio');
  const api = useApi();
  const notify = useNotify();
  const format = useFormat();
  const kId = useId();
  const [kText, setKText] = useState(String(DEFAULT_K));
  const [portfolio, setPortfolio] = useState<Portfolio | null>(null);
  const k = parseK(kText);

  const load = useCallback(
    (value: number) => {
      api.call('portfolio.get', { k: value }).then(setPortfolio, notify.error);
    },
    [api, notify],
  );
  useEffect(() => {
    if (k !== null) load(k);
  }, [k, load]);

  return (
    <div className="screen-portfolio">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <FolderImport onImported={() => k !== null && load(k)} />
      <section className="panel" aria-labelledby="portfolio-summary-heading">
        <h2 id="portfolio-summary-heading">{t('summary.heading')}</h2>
        <div className="field k-field">
          <label htmlFor={kId}>{t('k.label')}</label>
          <input
            id={kId}
            type="number"
            min={MIN_K}
            max={MAX_K}
            step={1}
            value={kText}
            onChange={(e) => setKText(e.target.value)}
            aria-invalid={k === null}
            aria-describedby={`${kId}-hint`}
          />
          <span id={`${kId}-hint`} className={k === null ? 'error' : 'hint'}>
            {k === null ? t('k.invalid') : t('k.hint')}
          </span>
        </div>
        {!portfolio ? (
          <p role="status">{t('summary.loading')}</p>
        ) : (
          <>
            <div className="cards" role="group" aria-label={t('summary.heading')}>
              <div className="card">
                <div className="label">{t('summary.authorities')}</div>
                <div className="value" data-testid="portfolio-authorities">
                  {format.count(portfolio.authorities)}
                </div>
              </div>
              <div className="card">
                <div className="label">{t('summary.usingDrafts')}</div>
                <div className={portfolio.usingDrafts === null ? 'suppressed' : 'value'}>{portfolio.usingDrafts === null ? t('suppressed', { k: portfolio.k }) : format.count(portfolio.usingDrafts)}</div>
                <div className="muted">{t('summary.usingDraftsHint')}</div>
              </div>
              <div className="card">
                <div className="label">{t('summary.withoutAssessment')}</div>
                <div className="value">{format.count(portfolio.withoutAssessment)}</div>
              </div>
              <div className="card">
                <div className="label">{t('summary.k')}</div>
                <div className="value">{portfolio.k}</div>
              </div>
            </div>
            {portfolio.suppressed ? (
              <p className="notice-inline" role="status" data-testid="portfolio-suppressed">
                {t('summary.wholeSuppressed', { k: portfolio.k })}
              </p>
            ) : null}
          </>
        )}
      </section>
      {portfolio ? (
        <>
          <section className="panel" aria-labelledby="portfolio-criteria-heading">
            <h2 id="portfolio-criteria-heading">{t('criteria.heading')}</h2>
            <CriteriaTable portfolio={portfolio} />
          </section>
          <div className="grid-2">
            <section className="panel" aria-labelledby="portfolio-flags-heading">
              <h2 id="portfolio-flags-heading">{t('flags.heading')}</h2>
              <FlagKindsTable portfolio={portfolio} />
            </section>
            <section className="panel" aria-labelledby="portfolio-families-heading">
              <h2 id="portfolio-families-heading">{t('families.heading')}</h2>
              <FamilyGapsTable portfolio={portfolio} />
            </section>
          </div>
          <section className="panel" aria-labelledby="portfolio-chain-heading">
            <h2 id="portfolio-chain-heading">{t('chain.heading')}</h2>
            <ChainGrid portfolio={portfolio} />
          </section>
        </>
      ) : null}
      <ExportPanel k={k ?? portfolio?.k ?? DEFAULT_K} />
    </div>
  );
}
