import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MATURITY_LEVELS, type Maturity } from '../../../../shared/domain/vocabulary.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';
import { todayIso } from '../../i18n/format.js';
import { useLibraryText } from '../../i18n/library-text.js';
import { Field } from '../lifecycle/LifecycleDialogs.js';

interface FamilyAnswer {
  title: string;
  owner: string;
  maturity: Maturity;
}

/**
 * The guided set-up: first the authority, its people and the as-of date; then
 * each core control family in turn (leave the title empty to skip one). One
 * API call writes it all, or nothing.
 */
export function SetupWizard({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation('firstRun');
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  const lib = useLibraryText();
  const core = useMemo(() => w.library.families.filter((f) => f.core), [w.library]);
  const [step, setStep] = useState(0);
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [users, setUsers] = useState('');
  const [asOf, setAsOf] = useState(todayIso());
  const [answers, setAnswers] = useState<FamilyAnswer[]>(() => core.map(() => ({ title: '', owner: '', maturity: 0 })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const last = core.length;

  function checkFirst(): boolean {
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = t('errors.name');
    if (!users.split(/[\n,;]/).some((u) => u.trim())) next.users = t('errors.users');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) next.asOf = t('errors.asOf');
    setErrors(next);
    return Object.keys(next).length === 0;
  }

  async function finish() {
    setBusy(true);
    try {
      const result = await api.call('register.setup', {
        authority: { name: name.trim(), country: country.trim(), level: 'national', notes: '' },
        users: users.split(/[\n,;]/).map((u) => u.trim()).filter(Boolean),
        asOf,
        assessmentTitle: t('assessmentTitle', { year: asOf.slice(0, 4) }),
        controls: answers.flatMap((a, i) => (a.title.trim() ? [{ family: core[i]!.id, title: a.title.trim(), owner: a.owner.trim(), maturity: a.maturity }] : [])),
      });
      await w.refresh();
      w.selectAuthority(result.authority.id);
      notify.success(t('done', { name: result.authority.name }));
      window.location.hash = '#/overview';
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  function next(e: FormEvent) {
    e.preventDefault();
    if (step === 0 && !checkFirst()) return;
    if (step < last) setStep(step + 1);
    else void finish();
  }

  const family = step > 0 ? core[step - 1]! : null;
  const answer = step > 0 ? answers[step - 1]! : null;
  const setAnswer = (patch: Partial<FamilyAnswer>) => setAnswers((list) => list.map((a, i) => (i === step - 1 ? { ...a, ...patch } : a)));
  return (
    <div className="first-run setup" data-testid="setup-wizard">
      <h1>{t('setup.title')}</h1>
      <p className="muted" aria-live="polite">
        {t('setup.step', { n: step + 1, total: last + 1 })}
      </p>
      <form onSubmit={next} noValidate className="panel">
        {step === 0 ? (
          <>
            <h2>{t('setup.authorityHeading')}</h2>
            <Field label={t('setup.name')} error={errors.name}>
              {(p) => <input {...p} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="organization" />}
            </Field>
            <Field label={t('setup.country')}>{(p) => <input {...p} type="text" value={country} onChange={(e) => setCountry(e.target.value)} autoComplete="country-name" />}</Field>
            <Field label={t('setup.users')} hint={t('setup.usersHint')} error={errors.users}>
              {(p) => <textarea {...p} value={users} onChange={(e) => setUsers(e.target.value)} rows={3} />}
            </Field>
            <Field label={t('setup.asOf')} hint={t('setup.asOfHint')} error={errors.asOf}>
              {(p) => <input {...p} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />}
            </Field>
          </>
        ) : (
          <>
            <h2>{t('setup.familyHeading', { n: step, total: last, family: lib.family(family!) })}</h2>
            <p className="muted">{lib.familyRecommendation(family!)}</p>
            <Field label={t('setup.controlTitle')} hint={t('setup.controlTitleHint')}>
              {(p) => <input {...p} type="text" value={answer!.title} onChange={(e) => setAnswer({ title: e.target.value })} />}
            </Field>
            <Field label={t('setup.owner')}>{(p) => <input {...p} type="text" value={answer!.owner} onChange={(e) => setAnswer({ owner: e.target.value })} />}</Field>
            <Field label={t('setup.maturity')}>
              {(p) => (
                <select {...p} value={answer!.maturity} onChange={(e) => setAnswer({ maturity: Number(e.target.value) as Maturity })}>
                  {MATURITY_LEVELS.map((m) => (
                    <option key={m} value={m}>
                      {t(`common:maturity.${m}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        <div className="toolbar">
          <button type="submit" className="primary" disabled={busy}>
            {step < last ? t('setup.next') : t('setup.finish')}
          </button>
          {step > 0 ? (
            <button type="button" onClick={() => setStep(step - 1)} disabled={busy}>
              {t('setup.back')}
            </button>
          ) : null}
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('common:actions.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
