import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellView } from '../../../../shared/api/assessment-view.js';
import { BandBadge } from '../../components/Badges.js';
import { useFormat } from '../../i18n/format.js';
import { CommentThread } from '../comments/CommentThread.js';

const SCALE = [1, 2, 3, 4, 5] as const;

export interface CoveringControl {
  uid: string;
  title: string;
  effective: number | null;
}

interface Props {
  /** "Stage × risk type" in the UI language: part of every label so each select names its cell. */
  label: string;
  likelihood: number;
  impact: number;
  result: CellView | undefined;
  controls: CoveringControl[];
  editable: boolean;
  busy: boolean;
  testId: string;
  /** `stage/riskType`: the cell's comment thread. */
  cellId: string;
  onChange(likelihood: number, impact: number): void;
}

/** One stage × risk-type cell: the two inputs, and the PI-1 result for them. */
export function ChainCell({ label, likelihood, impact, result, controls, editable, busy, testId, cellId, onChange }: Props) {
  const { t } = useTranslation('chain');
  const format = useFormat();
  const ids = { l: useId(), i: useId() };
  return (
    <td className={`chain-cell${result ? ` band-edge-${result.band}` : ''}`} data-testid={testId} aria-busy={busy || undefined}>
      <div className="chain-inputs">
        <label htmlFor={ids.l} title={t('likelihood')}>
          <span aria-hidden="true">{t('likelihoodShort')}</span>
          <span className="visually-hidden">{t('likelihoodFor', { cell: label })}</span>
        </label>
        <select id={ids.l} value={likelihood} disabled={!editable} onChange={(e) => onChange(Number(e.target.value), impact)}>
          {SCALE.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <label htmlFor={ids.i} title={t('impact')}>
          <span aria-hidden="true">{t('impactShort')}</span>
          <span className="visually-hidden">{t('impactFor', { cell: label })}</span>
        </label>
        <select id={ids.i} value={impact} disabled={!editable} onChange={(e) => onChange(likelihood, Number(e.target.value))}>
          {SCALE.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="chain-result" aria-live="polite" aria-atomic="true" data-testid={`${testId}-result`}>
        {result ? (
          <>
            <span className="visually-hidden">{label}: </span>
            <span className="chain-numbers" title={t('numbersTitle', { inherent: format.count(result.inherent), residual: format.score(result.residualDisplay) })}>
              <span className="visually-hidden">{t('inherent')} </span>
              <span data-testid={`${testId}-inherent`}>{format.count(result.inherent)}</span>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden">, {t('residual')} </span>
              <strong data-testid={`${testId}-residual`}>{format.score(result.residualDisplay)}</strong>
            </span>{' '}
            <span data-testid={`${testId}-band`}>
              <BandBadge band={result.band} />
            </span>
          </>
        ) : (
          <span className="muted">{t('noResult')}</span>
        )}
      </div>
      {result?.signal ? (
        // PI-1.2: the permit data's suggestion sits beside the assessor's rating, never in place of it.
        <p className={`chain-signal${result.signal.suggestedLikelihood - likelihood >= 2 ? ' chain-signal-contradicts' : ''}`} data-testid={`${testId}-signal`}>
          {t('signal', { perThousand: format.score(result.signal.perThousand), suggested: result.signal.suggestedLikelihood, likelihood })}
        </p>
      ) : null}
      {result ? (
        <details className="chain-controls">
          <summary>{result.controlCount ? t('controlsCount', { count: result.controlCount }) : t('noControls')}</summary>
          {controls.length ? (
            <ul>
              {controls.map((c) => (
                <li key={c.uid}>
                  {c.title}
                  {c.effective !== null ? <span className="muted"> · {t('effective', { level: t(`common:maturity.${c.effective}`) })}</span> : null}
                </li>
              ))}
              {result.controlCount > controls.length ? <li className="muted">{t('moreControls', { count: result.controlCount - controls.length })}</li> : null}
            </ul>
          ) : (
            <p className="muted">{t('noControlsHint')}</p>
          )}
        </details>
      ) : null}
      <CommentThread type="cell" id={cellId} label={label} />
    </td>
  );
}
