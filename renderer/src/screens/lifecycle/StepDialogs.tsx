import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../../../shared/api/results.js';
import { Dialog } from '../../components/Dialog.js';
import { DialogButtons } from '../../components/DialogButtons.js';
import { Field } from './LifecycleDialogs.js';
import { useRequiredText } from '../../components/useRequiredText.js';
import '../../styles/trust.css';

/** The lifecycle steps that record who did them. */
export type Step = 'submitted' | 'reviewed' | 'locked';
/** The steps the four-eyes rule guards: whoever submitted may not do them. */
export type GuardedStep = 'reviewed' | 'locked';

/**
 * Asked before a step when no name is set: the log records each step under the
 * user's name, and the four-eyes rule compares those names, so "Unnamed user"
 * would make the register refuse the review or lock later, with no clear reason.
 */
export function NameDialog({ step, title, busy, onClose, onSave }: { step: Step; title: string; busy: boolean; onClose(): void; onSave(name: string): void }) {
  const { t } = useTranslation('lifecycle');
  const name = useRequiredText<HTMLInputElement>(t('name.required'));
  const introId = useId();
  const submit = name.submitWith(onSave);
  return (
    <Dialog title={t('name.title')} open onClose={onClose} initialFocus={name.ref} describedBy={introId} testId="name-dialog">
      <form onSubmit={submit} noValidate>
        <p id={introId}>{t('name.intro', { title })}</p>
        <Field label={t('name.label')} error={name.error} hint={t('name.hint')}>
          {(p) => <input {...p} ref={name.ref} type="text" value={name.value} onChange={(e) => name.setValue(e.target.value)} autoComplete="name" required />}
        </Field>
        <DialogButtons submit={t(`name.submit.${step}`)} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/**
 * The register refused a review or lock under the four-eyes rule. Says why in
 * the user's language (who submitted, who is asking), what to do instead, and
 * offers the override the rule allows: a required reason, written to the audit log.
 */
export function FourEyesDialog({
  step,
  target,
  actor,
  message,
  busy,
  onClose,
  onOverride,
}: {
  step: GuardedStep;
  target: AssessmentSummary;
  actor: string;
  /** The register's own words, kept for the exact rule it applied. */
  message: string;
  busy: boolean;
  onClose(): void;
  onOverride(reason: string): void;
}) {
  const { t } = useTranslation('lifecycle');
  const reason = useRequiredText<HTMLTextAreaElement>(t('fourEyes.reasonRequired'));
  const explainId = useId();
  const submit = reason.submitWith(onOverride);
  const submitter = target.submittedBy;
  return (
    <Dialog title={t(`fourEyes.title.${step}`, { title: target.title })} open onClose={onClose} initialFocus={reason.ref} describedBy={explainId} testId="four-eyes-dialog">
      <form onSubmit={submit} noValidate>
        <div id={explainId}>
          <p className="notice-inline">
            {submitter && submitter === actor ? t(`fourEyes.explain.${step}`, { submitter, actor }) : message}
          </p>
          <p>{t('fourEyes.colleague')}</p>
        </div>
        <details className="four-eyes-detail">
          <summary>{t('fourEyes.registerSays')}</summary>
          <p className="mono">{message}</p>
        </details>
        <h3>{t('fourEyes.overrideHeading')}</h3>
        <p>{t('fourEyes.overrideIntro')}</p>
        <Field label={t('fourEyes.reason')} error={reason.error} hint={t('fourEyes.reasonHint')}>
          {(p) => <textarea {...p} ref={reason.ref} value={reason.value} onChange={(e) => reason.setValue(e.target.value)} required rows={3} />}
        </Field>
        <DialogButtons submit={t(`fourEyes.submit.${step}`)} busy={busy} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
