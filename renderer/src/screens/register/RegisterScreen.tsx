import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { ControlListItem } from '../../../../shared/api/results.js';
import { useTranslation } from 'react-i18next';
import type { ControlInput } from '../../../../shared/domain/inputs.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { CsvButton } from '../../components/CsvButton.js';
import { Dialog } from '../../components/Dialog.js';
import { todayIso, useFormat } from '../../i18n/format.js';
import { ColumnChooser } from './ColumnChooser.js';
import { emptyValues, type ControlFormValues } from './control-form-model.js';
import { clearControlDraft, peekControlDraft } from './control-draft.js';
import { ControlDetail } from './ControlDetail.js';
import { ControlForm } from './ControlForm.js';
import { ControlTable } from './ControlTable.js';
import { ImportControls } from './ImportControls.js';
import { SheetExport } from './SheetExport.js';
import { NO_FILTERS } from './register-model.js';
import { RegisterFilters } from './RegisterFilters.js';
import { useControlTable } from './useControlTable.js';
import { useRegisterWindow } from './useRegisterControls.js';
import { useRegisterCsv } from './useRegisterCsv.js';
import '../../styles/register.css';

/**
 * The control register of the selected authority: every control with its
 * evidence and review standing at the assessment's as-of date (today when
 * there is no assessment), and the forms that add, change and delete them.
 */
export function RegisterScreen() {
  const { t } = useTranslation('register');
  const w = useWorkspace();
  const api = useApi();
  const notify = useNotify();
  const format = useFormat();
  const today = useMemo(todayIso, []);
  const authorityId = w.authority?.id ?? null;
  // The as-of date is the selected assessment's, known from the assessment list (before its scoring
  // arrives): asking for the register as of today first would make the server list it twice.
  const assessmentsKnown = w.assessmentsOf === authorityId;
  const summary = assessmentsKnown ? w.assessments.find((a) => a.id === w.assessmentId) : undefined;
  const asOf = (w.detail && w.detail.assessment.id === w.assessmentId ? w.detail.assessment.asOf : summary?.asOf) ?? today;
  const [filters, setFilters] = useState(NO_FILTERS);
  // Typing stays responsive: the search goes to the server a beat later if the page is busy.
  const search = useDeferredValue(filters.search);
  const query = useMemo(() => ({ ...filters, search }), [filters.family, filters.stage, filters.maturity, filters.review, filters.evidence, search]);
  const [sort, setSort] = useState<ReturnType<typeof useControlTable>['sort']>(null);
  const { window, ensure, reload, all } = useRegisterWindow(authorityId, assessmentsKnown ? asOf : null, query, sort);
  const { table, sort: tableSort } = useControlTable(window?.rows ?? null);
  useEffect(() => setSort(tableSort), [tableSort]);
  // Gaps may ask for a pre-filled form ("add a control for this"): open it at once.
  const [initial, setInitial] = useState<ControlFormValues>(() => {
    const draft = peekControlDraft();
    const empty = emptyValues(w.library);
    const family = draft ? w.library.families.find((f) => f.id === draft.family) : undefined;
    return family && draft ? { ...empty, family: family.id, description: draft.description, stages: family.stages, riskTypes: family.riskTypes } : empty;
  });
  const [adding, setAdding] = useState(() => peekControlDraft() !== null);
  useEffect(() => clearControlDraft(), []);
  const [importing, setImporting] = useState(false);
  const [open, setOpen] = useState<ControlListItem | null>(null);

  useEffect(() => setOpen(null), [authorityId]);

  /** Controls feed every score and flag: after a change, reload the list and the workspace. */
  const changed = async () => {
    await Promise.all([reload(), w.refresh()]);
    // The open control follows the register (its status, its evidence count).
    // Only while that control is still open: a reader who closed it meanwhile keeps it closed.
    if (open) {
      const fresh = await api.call('controls.get', { id: open.id, asOf }).catch(() => null);
      setOpen((current) => (current && current.id === open.id ? fresh : current));
    }
  };

  async function create(control: ControlInput) {
    if (authorityId === null) return;
    const created = await api.call('controls.create', { authorityId, control });
    notify.success(t('added', { title: created.title }));
    setAdding(false);
    setInitial(emptyValues(w.library));
    await changed();
    // The natural next step is attaching evidence, so the new control opens.
    setOpen(await api.call('controls.get', { id: created.id, asOf }));
  }

  const csv = useRegisterCsv(table, all);
  const shown = window?.matching ?? 0;
  const total = window?.total ?? 0;
  return (
    <>
      <div className="register-head">
        <h1>{t('title', { authority: w.authority?.name ?? '' })}</h1>
        <div className="row">
          <button type="button" className="primary" onClick={() => setAdding(true)} disabled={authorityId === null}>
            {t('addControl')}
          </button>
          <button type="button" onClick={() => setImporting(true)} disabled={authorityId === null}>
            {t('import.open')}
          </button>
        </div>
      </div>
      <p className="muted register-hint">
        {w.detail ? t('asOfAssessment', { date: format.date(asOf), assessment: w.detail.assessment.title }) : t('asOfToday', { date: format.date(asOf) })} {t('liveHint')}
      </p>
      <RegisterFilters filters={filters} onChange={setFilters} />
      <div className="register-bar">
        <p className="register-count" aria-live="polite" data-testid="register-count">
          {window === null ? t('common:common.loading') : t('count', { shown: format.count(shown), total: format.count(total), count: total })}
        </p>
        <div className="row">
          {authorityId !== null ? <SheetExport authorityId={authorityId} /> : null}
          <CsvButton fileName={`${w.authority?.name ?? ''} register ${asOf}`} headers={csv.headers} rows={csv.rows} />
          <ColumnChooser table={table} />
        </div>
      </div>
      <ControlTable table={table} total={total} matching={shown} offset={window?.offset ?? 0} onRange={ensure} onOpen={setOpen} />
      <p className="muted register-keys">{t('table.keys')}</p>

      <Dialog title={t('addControl')} open={adding} onClose={() => setAdding(false)}>
        <p className="muted">{t('liveHint')}</p>
        <ControlForm initial={initial} submitLabel={t("form.create")} onSubmit={create} onCancel={() => { setAdding(false); setInitial(emptyValues(w.library)); }} />
      </Dialog>
      <Dialog title={t('import.title')} open={importing} onClose={() => setImporting(false)}>
        {authorityId !== null ? (
          <ImportControls
            authorityId={authorityId}
            onCancel={() => setImporting(false)}
            onDone={async () => {
              setImporting(false);
              await changed();
            }}
          />
        ) : null}
      </Dialog>
      <Dialog title={open ? t('detail.title', { title: open.title }) : ''} open={open !== null} onClose={() => setOpen(null)}>
        {open ? (
          <ControlDetail
            control={open}
            asOf={asOf}
            onChanged={changed}
            onDeleted={async () => {
              setOpen(null);
              await changed();
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
