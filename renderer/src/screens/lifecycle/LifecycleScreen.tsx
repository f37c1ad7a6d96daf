import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../../shared/api/client.js';
import { DEFAULT_ACTOR } from '../../../../shared/domain/actor.js';
import type { AssessmentRecord } from '../../../../shared/domain/records.js';
import type { AssessmentSummary } from '../../../../shared/api/results.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { AssessmentTable, type RowAction } from './AssessmentTable.js';
import { ComparePanel } from './ComparePanel.js';
import { DigestBox } from './DigestBox.js';
import { CloneDialog, LockDialog, NewAssessmentDialog, ReturnDialog, type PackChoice } from './LifecycleDialogs.js';
import { FourEyesDialog, NameDialog, type GuardedStep, type Step } from './StepDialogs.js';
import { CommentsPanel } from '../comments/CommentsPanel.js';
import { useLibraryText } from '../../i18n/library-text.js';
import '../../styles/lifecycle.css';

type Open =
  | { kind: 'new' }
  | { kind: 'clone' | 'draft' | 'locked'; target: AssessmentSummary }
  /** No name is set yet: ask for it, then take the step. */
  | { kind: 'name'; step: Step; target: AssessmentSummary }
  /** The four-eyes rule refused the step: say why, offer the logged override. */
  | { kind: 'fourEyes'; step: GuardedStep; target: AssessmentSummary; message: string }
  | null;
/** The register's four-eyes refusal (db/four-eyes.ts); any other "forbidden" stays an ordinary error notice. */
const isFourEyesRefusal = (e: unknown): e is ApiCallError => e instanceof ApiCallError && e.code === 'forbidden' && e.message.startsWith('four-eyes rule');
const EXTENDED_PACK = 'uncac-extended';
const OFFENCES_PACK = 'uncac-offences';

/** The authority's assessments through draft → submitted → reviewed → locked, re-assessment and comparison. */
export function LifecycleScreen() {
  const { t } = useTranslation('lifecycle');
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const [locked, setLocked] = useState<AssessmentRecord | null>(null);
  // The lock result belongs to one authority's assessment: it goes when another authority is shown.
  useEffect(() => setLocked(null), [w.authority?.id]);
  const extended = w.library.frameworks.find((f) => f.id === EXTENDED_PACK) ?? null;
  const offencesPack = w.library.frameworks.find((f) => f.id === OFFENCES_PACK) ?? null;
  const lib = useLibraryText();
  const criteriaOf = (a: AssessmentSummary) =>
    w.library.frameworks.filter((f) => a.frameworks.includes(f.id)).flatMap((f) => f.criteria.map((c) => ({ id: c.id, label: `${c.paragraph} ${lib.criterionTitle(c)}` })));

  /**
   * Runs one API action, then reloads the workspace; errors are shown, never
   * swallowed. A review or lock refused by the four-eyes rule opens its own
   * dialog instead of a notice, because the user can do something about it.
   */
  async function run(action: () => Promise<void>, guarded?: { step: GuardedStep; target: AssessmentSummary }) {
    setBusy(true);
    try {
      await action();
      setOpen(null);
    } catch (e) {
      if (guarded && isFourEyesRefusal(e)) setOpen({ kind: 'fourEyes', ...guarded, message: e.message });
      else notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  const transition = (a: AssessmentSummary, to: 'submitted' | 'reviewed', fourEyesOverride?: string) =>
    run(
      async () => {
        await api.call('assessments.transition', { id: a.id, to, ...(fourEyesOverride ? { fourEyesOverride } : {}) });
        await w.refresh();
        notify.success(t(fourEyesOverride ? 'done.overridden.reviewed' : `done.${to}`, { title: a.title }));
      },
      to === 'reviewed' ? { step: 'reviewed', target: a } : undefined,
    );

  /** A step, once the user has a name: submit and review run at once, lock asks for confirmation first. */
  function takeStep(a: AssessmentSummary, step: Step) {
    if (step === 'locked') return setOpen({ kind: 'locked', target: a });
    return void transition(a, step);
  }

  async function saveNameThenStep(name: string, a: AssessmentSummary, step: Step) {
    setBusy(true);
    try {
      w.setSettings(await api.call('settings.set', { actor: name }));
      notify.success(t('authorities:settings.actorSaved', { actor: name }));
    } catch (e) {
      notify.error(e);
      return;
    } finally {
      setBusy(false);
    }
    setOpen(null);
    takeStep(a, step);
  }

  /** The name may have been set since this page loaded (another window, the command line): ask only if it is still missing. */
  async function askNameUnlessSet(a: AssessmentSummary, step: Step) {
    const current = await api.call('settings.get', {}).catch(() => w.settings);
    if (current.actor === DEFAULT_ACTOR) return setOpen({ kind: 'name', step, target: a });
    w.setSettings(current);
    takeStep(a, step);
  }

  function onAction(a: AssessmentSummary, action: RowAction) {
    switch (action) {
      case 'open':
        return w.selectAssessment(a.id);
      case 'submitted':
      case 'reviewed':
      case 'locked':
        setLocked(null);
        // Every step is recorded under a name; without one the register would log "Unnamed user".
        if (w.settings.actor === DEFAULT_ACTOR) return void askNameUnlessSet(a, action);
        return takeStep(a, action);
      default:
        setLocked(null);
        return setOpen({ kind: action, target: a });
    }
  }

  const returnToDraft = (a: AssessmentSummary, justification: string, criterionId: string | null) =>
    run(async () => {
      // The reason also opens (or continues) the conversation: in the criterion's thread, or the assessment's.
      await api.call('assessments.transition', { id: a.id, to: 'draft', justification, thread: criterionId ? { type: 'criterion', id: criterionId } : { type: 'assessment', id: '' } });
      await w.refresh();
      notify.success(t('done.draft', { title: a.title }));
    });

  const lock = (a: AssessmentSummary, fourEyesOverride?: string) =>
    run(
      async () => {
        const record = await api.call('assessments.lock', { id: a.id, ...(fourEyesOverride ? { fourEyesOverride } : {}) });
        setLocked(record);
        await w.refresh();
      },
      { step: 'locked', target: a },
    );

  const clone = (a: AssessmentSummary, title: string, asOf: string) =>
    run(async () => {
      const record = await api.call('assessments.clone', { id: a.id, title, asOf });
      await w.refresh();
      w.selectAssessment(record.id);
      notify.success(t('done.cloned', { title: record.title }));
    });

  const create = (title: string, asOf: string, packs: PackChoice) =>
    run(async () => {
      // Always an explicit list: the library's defaults without the optional packs, then each pack the user kept.
      const frameworks = [
        ...w.library.frameworks.filter((f) => f.scoredByDefault && f.id !== OFFENCES_PACK).map((f) => f.id),
        ...(packs.offences && offencesPack ? [offencesPack.id] : []),
        ...(packs.extended && extended ? [extended.id] : []),
      ];
      const record = await api.call('assessments.create', { authorityId: w.authority!.id, assessment: { title, asOf, frameworks } });
      await w.refresh();
      w.selectAssessment(record.id);
      notify.success(t('done.created', { title: record.title }));
    });

  return (
    <div className="screen-lifecycle">
      <h1>{t('title', { authority: w.authority?.name })}</h1>
      <p className="muted">{t('intro')}</p>
      {locked?.digest ? (
        <section className="panel lock-result" role="status" aria-labelledby="lock-result-heading" data-testid="lock-result">
          <h2 id="lock-result-heading">{t('lockedHeading', { title: locked.title })}</h2>
          <p>{t('lockedExplain')}</p>
          <p className="digest-line">
            <strong>{t('digestLabel')}</strong> <DigestBox digest={locked.digest} prominent />
          </p>
        </section>
      ) : null}
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'new' })}>
          {t('actions.new')}
        </button>
      </div>
      <section className="panel" aria-labelledby="assessments-heading">
        <h2 id="assessments-heading">{t('assessments')}</h2>
        {w.assessments.length ? <AssessmentTable assessments={w.assessments} currentId={w.assessmentId} busy={busy} onAction={onAction} /> : <p>{t('common:empty.noAssessment')}</p>}
      </section>
      <CommentsPanel />
      <section className="panel" aria-labelledby="compare-heading">
        <h2 id="compare-heading">{t('compare.title')}</h2>
        <ComparePanel key={w.authority?.id} assessments={w.assessments} />
      </section>

      {open?.kind === 'new' ? <NewAssessmentDialog open busy={busy} onClose={() => setOpen(null)} onCreate={(title, asOf, packs) => void create(title, asOf, packs)} hasExtended={extended !== null} hasOffences={offencesPack !== null} /> : null}
      {open?.kind === 'clone' ? <CloneDialog open busy={busy} source={open.target.title} onClose={() => setOpen(null)} onClone={(title, asOf) => void clone(open.target, title, asOf)} /> : null}
      {open?.kind === 'draft' ? <ReturnDialog
          open
          busy={busy}
          source={open.target.title}
          criteria={criteriaOf(open.target)}
          onClose={() => setOpen(null)}
          onReturn={(reason, criterionId) => void returnToDraft(open.target, reason, criterionId)}
        /> : null}
      {open?.kind === 'locked' ? <LockDialog open busy={busy} source={open.target.title} onClose={() => setOpen(null)} onLock={() => void lock(open.target)} /> : null}
      {open?.kind === 'name' ? <NameDialog step={open.step} title={open.target.title} busy={busy} onClose={() => setOpen(null)} onSave={(name) => void saveNameThenStep(name, open.target, open.step)} /> : null}
      {open?.kind === 'fourEyes' ? (
        <FourEyesDialog
          step={open.step}
          target={open.target}
          actor={w.settings.actor}
          message={open.message}
          busy={busy}
          onClose={() => setOpen(null)}
          onOverride={(reason) => void (open.step === 'locked' ? lock(open.target, reason) : transition(open.target, 'reviewed', reason))}
        />
      ) : null}
    </div>
  );
}
