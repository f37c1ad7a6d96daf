import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { applyChange, type AssessmentChange, type AssessmentDetail } from '../../../shared/api/assessment-view.js';
import type { AssessmentSummary, LibraryInfo, Settings } from '../../../shared/api/results.js';
import type { AuthorityRecord } from '../../../shared/domain/records.js';
import { useApi } from '../api/ApiContext.js';
import { useNotify } from './notify.js';

export interface Workspace {
  /** False until the first list of authorities has arrived (so an empty register is not mistaken for one still loading). */
  loaded: boolean;
  library: LibraryInfo;
  settings: Settings;
  setSettings(settings: Settings): void;
  authorities: AuthorityRecord[];
  authority: AuthorityRecord | null;
  selectAuthority(id: number): void;
  assessments: AssessmentSummary[];
  /** The authority whose assessments `assessments` lists: until it is the selected one, they are still loading. */
  assessmentsOf: number | null;
  assessmentId: number | null;
  selectAssessment(id: number): void;
  /** The selected assessment scored by PI-1, or null while loading / when there is none. */
  detail: AssessmentDetail | null;
  setDetail(detail: AssessmentDetail): void;
  /** Applies an edit's answer (what changed); reloads the assessment when the answer is for another version. */
  applyChange(change: AssessmentChange): Promise<void>;
  /** Reloads authorities, assessments and the selected assessment after a change. */
  refresh(): Promise<void>;
}

const WorkspaceContext = createContext<Workspace | null>(null);
const AUTHORITY_KEY = 'permit-integrity-authority';
const ASSESSMENT_KEY = 'permit-integrity-assessment';

function stored(key: string): number | null {
  const value = Number(localStorage.getItem(key));
  return Number.isInteger(value) && value > 0 ? value : null;
}

interface WorkspaceProviderProps {
  library: LibraryInfo;
  initialSettings: Settings;
  /** The authority list boot already asked for, used by the first load only (later loads ask again). */
  firstAuthorities?: Promise<AuthorityRecord[]>;
  children: ReactNode;
}

export function WorkspaceProvider({ library, initialSettings, firstAuthorities, children }: WorkspaceProviderProps) {
  const api = useApi();
  const notify = useNotify();
  const [settings, setSettings] = useState(initialSettings);
  const [authorities, setAuthorities] = useState<AuthorityRecord[]>([]);
  const [authorityId, setAuthorityId] = useState<number | null>(stored(AUTHORITY_KEY));
  const [assessments, setAssessments] = useState<AssessmentSummary[]>([]);
  const [assessmentsOf, setAssessmentsOf] = useState<number | null>(null);
  const [assessmentId, setAssessmentId] = useState<number | null>(stored(ASSESSMENT_KEY));
  const [detail, setDetail] = useState<AssessmentDetail | null>(null);
  const [loaded, setLoaded] = useState(false);
  const prefetched = useRef(firstAuthorities);

  const load = useCallback(
    async (wantedAuthority: number | null, wantedAssessment: number | null) => {
      const early = prefetched.current;
      prefetched.current = undefined;
      const list = await (early ?? api.call('authorities.list', {}));
      setAuthorities(list);
      setLoaded(true);
      const authority = list.find((a) => a.id === wantedAuthority) ?? list[0] ?? null;
      setAuthorityId(authority?.id ?? null);
      if (!authority) {
        setAssessments([]);
        setAssessmentsOf(null);
        setAssessmentId(null);
        setDetail(null);
        return;
      }
      localStorage.setItem(AUTHORITY_KEY, String(authority.id));
      const summaries = await api.call('assessments.list', { authorityId: authority.id });
      setAssessments(summaries);
      setAssessmentsOf(authority.id);
      // Default to the newest assessment that can still be worked on, else the newest.
      const chosen = summaries.find((s) => s.id === wantedAssessment) ?? [...summaries].reverse().find((s) => s.status !== 'locked') ?? summaries.at(-1) ?? null;
      setAssessmentId(chosen?.id ?? null);
      if (chosen) localStorage.setItem(ASSESSMENT_KEY, String(chosen.id));
      setDetail(chosen ? await api.call('assessments.get', { id: chosen.id }) : null);
    },
    [api],
  );

  useEffect(() => {
    load(authorityId, assessmentId).catch(notify.error);
    // Only on first render: later loads are explicit.
  }, []);

  const show = useCallback((next: AssessmentDetail) => {
    setDetail(next);
    setAssessments((list) => list.map((s) => (s.id === next.assessment.id ? { ...s, ...next.assessment, overall: next.result.overall.score, flagCounts: next.result.flagCounts } : s)));
  }, []);

  const workspace = useMemo<Workspace>(
    () => ({
      loaded,
      library,
      settings,
      setSettings,
      authorities,
      authority: authorities.find((a) => a.id === authorityId) ?? null,
      selectAuthority: (id) => void load(id, null).catch(notify.error),
      assessments,
      assessmentsOf,
      assessmentId,
      selectAssessment: (id) => void load(authorityId, id).catch(notify.error),
      detail,
      setDetail: (next) => show(next),
      applyChange: async (change) => {
        const next = detail ? applyChange(detail, change) : null;
        show(next ?? (await api.call('assessments.get', { id: change.assessment.id })));
      },
      refresh: () => load(authorityId, assessmentId),
    }),
    [loaded, library, settings, authorities, authorityId, assessments, assessmentsOf, assessmentId, detail, load, notify, show, api],
  );
  return <WorkspaceContext.Provider value={workspace}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}
