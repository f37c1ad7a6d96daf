import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/inputs.js';
import type { AssessmentDetail, LibraryInfo } from '../../../../shared/api/results.js';
import type { Criterion } from '../../../../shared/library/schema.js';
import type { CriterionView } from '../../../../shared/api/assessment-view.js';
import type { CriterionInput } from '../../../../shared/snapshot/schema.js';
import { useApi } from '../../api/ApiContext.js';
import { useNotify } from '../../app/notify.js';
import { useWorkspace } from '../../app/workspace.js';

/** One criterion of the assessment: its PI-1 result joined with the library's text, guidance and stages. */
export interface CriterionRow {
  id: string;
  result: CriterionView;
  /** null when the criterion's framework is no longer in the library (its text cannot be shown). */
  library: Criterion | null;
  stages: string[];
  input: CriterionInput | undefined;
  /** Has notes, an override or an applicability decision. */
  assessed: boolean;
}

export function criterionRows(detail: AssessmentDetail, library: LibraryInfo): CriterionRow[] {
  const libraryCriteria = new Map<string, Criterion>(library.frameworks.flatMap((f) => f.criteria.map((c) => [`${f.id}:${c.id}`, c] as const)));
  const snapshotCriteria = new Map(detail.snapshot.criteria.map((c) => [`${c.frameworkId}:${c.id}`, c]));
  const inputs = new Map(detail.snapshot.criterionInputs.map((i) => [i.criterionId, i]));
  return detail.result.criteria.map((result) => {
    const key = `${result.frameworkId}:${result.id}`;
    const lib = libraryCriteria.get(key) ?? null;
    const input = inputs.get(result.id);
    return {
      id: result.id,
      result,
      library: lib,
      stages: lib?.stages ?? snapshotCriteria.get(key)?.stages ?? [],
      input,
      assessed: Boolean(input && (input.notes.trim() !== '' || input.override || input.applicability)),
    };
  });
}

/** A DOM id for a criterion card; paragraph ids such as 7.1(a) contain characters ids should avoid. */
export function criterionDomId(id: string): string {
  return `criterion-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

const FOCUS_KEY = 'permit-integrity-assessment-focus';
const CURRENT_KEY = 'permit-integrity-assessment-current';

/**
 * The hash names the screen only (#/assessment), so another screen asks for a
 * criterion by leaving its id here just before navigating to #/assessment.
 */
export function requestCriterionFocus(id: string): void {
  sessionStorage.setItem(FOCUS_KEY, id);
}

/** Read without removing (React may run an initializer twice); clear once the screen has mounted. */
export function peekCriterionFocus(): string | null {
  return sessionStorage.getItem(FOCUS_KEY);
}

export function clearCriterionFocus(): void {
  sessionStorage.removeItem(FOCUS_KEY);
}

/** The criterion last open on the Assessment screen, so leaving and coming back keeps the place. */
export function rememberCurrent(id: string): void {
  sessionStorage.setItem(CURRENT_KEY, id);
}

export function lastCurrent(): string | null {
  return sessionStorage.getItem(CURRENT_KEY);
}

type InputMethod = 'assessments.setOverride' | 'assessments.setApplicability' | 'assessments.setNotes';

/**
 * Saves one criterion input. Every such call returns the rescored assessment,
 * which replaces the workspace's detail so every screen shows the new numbers.
 */
export function useSaveInput() {
  const { t } = useTranslation('assessment');
  const api = useApi();
  const notify = useNotify();
  const w = useWorkspace();
  const [busy, setBusy] = useState(false);
  async function save<M extends InputMethod>(method: M, input: ApiInput<M>, successKey: string, criterion: string): Promise<boolean> {
    setBusy(true);
    try {
      await w.applyChange(await api.call(method, input));
      notify.success(t(successKey, { criterion }));
      return true;
    } catch (e) {
      notify.error(e);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { save, busy };
}
