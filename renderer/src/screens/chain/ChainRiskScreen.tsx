import { NoAssessment } from '../../components/EmptyState.js';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_BANDS } from '../../../../shared/domain/vocabulary.js';
import { inputsEditable } from '../../../../shared/methodology/lifecycle.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { BandBadge, StatusBadge } from '../../components/Badges.js';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice.js';
import { useFormat } from '../../i18n/format.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { StageRiskTable } from '../../../../report/charts/StageRiskTable.js';
import { ChainCell, type CoveringControl } from './ChainCell.js';
import { OffenceFlags, OffenceHeading } from './ChainOffences.js';
import '../../styles/chain.css';

type Pending = Record<string, { likelihood: number; impact: number }>;

/**
 * Permit-chain risk of the selected assessment: likelihood and impact per
 * stage × risk type are the assessor's inputs; inherent, residual and band
 * are read back from PI-1 after every change.
 */
export function ChainRiskScreen() {
  const { t } = useTranslation('chain');
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  const lib = useLibraryText();
  const format = useFormat();
  const [pending, setPending] = useState<Pending>({});
  const detail = w.detail;

  const lookups = useMemo(() => {
    if (!detail) return null;
    return {
      inputs: new Map(detail.snapshot.chain.map((c) => [`${c.stage}/${c.riskType}`, c])),
      results: new Map(detail.result.chain.map((c) => [`${c.stage}/${c.riskType}`, c])),
      offences: new Map(detail.result.offences.map((o) => [o.riskType, o])),
    };
  }, [detail]);

  if (!detail || !lookups) return <NoAssessment heading={t('title', { authority: w.authority?.name })} />;
  const { assessment, snapshot } = detail;
  const editable = inputsEditable(assessment.status);
  // The stages and risk types frozen in the snapshot; translated through the library text.
  const stages = snapshot.stages;
  const riskTypes = snapshot.riskTypes;

  async function change(stage: string, riskType: string, likelihood: number, impact: number) {
    const key = `${stage}/${riskType}`;
    setPending((p) => ({ ...p, [key]: { likelihood, impact } }));
    try {
      await w.applyChange(await api.call('assessments.setChainCell', { id: assessment.id, cell: { stage, riskType, likelihood, impact } }));
    } catch (e) {
      notify.error(e);
    } finally {
      setPending((p) => {
        const { [key]: _done, ...rest } = p;
        return rest;
      });
    }
  }

  function covering(uids: readonly string[]): CoveringControl[] {
    return uids.map((uid) => ({ uid, title: detail!.controls[uid]?.title ?? uid, effective: detail!.controls[uid]?.effective ?? null }));
  }

  return (
    <div className="screen-chain">
      <h1>{t('title')}</h1>
      <p>
        {assessment.title} · {t('common:common.asOf', { date: format.date(assessment.asOf) })} · <StatusBadge status={assessment.status} />
      </p>
      <ReadOnlyNotice status={assessment.status} />
      <p className="muted chain-intro">{t('intro')}</p>
      <div className="chain-legend" aria-label={t('legendLabel')} role="group">
        <span>
          <strong>{t('likelihoodShort')}</strong> = {t('likelihood')} (1–5)
        </span>
        <span>
          <strong>{t('impactShort')}</strong> = {t('impact')} (1–5)
        </span>
        <span>{t('numbersLegend')}</span>
        {RISK_BANDS.map((b) => (
          <span key={b}>
            <BandBadge band={b} /> {t(`bandRange.${b}`)}
          </span>
        ))}
      </div>
      <div className="chain-grid-wrap">
        <StageRiskTable
          className="chain-grid"
          caption={t('caption')}
          stageClassName="chain-stage"
          stageHeading={t('stage')}
          stages={stages}
          riskTypes={riskTypes}
          stageLabel={lib.stage}
          riskTypeLabel={(r) => (
            <>
              {lib.riskType(r)}
              <OffenceHeading riskType={r.id} offence={lookups.offences.get(r.id)} />
            </>
          )}
          renderCell={(_, { stage: s, riskType: r }) => {
            const key = `${s.id}/${r.id}`;
            const input = pending[key] ?? lookups.inputs.get(key);
            const result = lookups.results.get(key);
            if (!input) return <td>—</td>;
            return (
              <ChainCell
                label={t('cellLabel', { stage: lib.stage(s), riskType: lib.riskType(r) })}
                likelihood={input.likelihood}
                impact={input.impact}
                result={result}
                controls={covering(result?.controls ?? [])}
                editable={editable}
                busy={key in pending}
                testId={`chain-cell-${s.id}-${r.id}`}
                cellId={`${s.id}/${r.id}`}
                onChange={(l, i) => void change(s.id, r.id, l, i)}
              />
            );
          }}
        />
      </div>
      <OffenceFlags detail={detail} />
    </div>
  );
}
