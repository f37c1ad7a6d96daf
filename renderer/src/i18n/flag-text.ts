import { useTranslation } from 'react-i18next';
import type { Flag } from '../../../shared/methodology/flags/types.js';
import { useWorkspace } from '../app/workspace.js';
import { useLibraryText } from './library-text.js';

/**
 * A flag's subject, reason and remedy in the UI language, built from its kind
 * and params; the English sentences of PI-1 are the fallback.
 */
export function useFlagText() {
  const { t } = useTranslation();
  const lib = useLibraryText();
  const { library } = useWorkspace();
  const family = (id: string) => library.families.find((f) => f.id === id);
  const stage = (id: string) => library.stages.find((s) => s.id === id);
  const risk = (id: string) => library.riskTypes.find((r) => r.id === id);
  const criterion = (id: string) => library.frameworks.flatMap((f) => f.criteria).find((c) => c.id === id);

  function subject(flag: Flag): string {
    switch (flag.subject.type) {
      case 'criterion': {
        const c = criterion(flag.subject.id);
        return c ? `${c.paragraph} ${lib.criterionTitle(c)}` : flag.subject.label;
      }
      case 'family': {
        const f = family(flag.subject.id);
        return f ? lib.family(f) : flag.subject.label;
      }
      case 'cell': {
        const [s, r] = flag.subject.id.split('/');
        const st = stage(s ?? '');
        const rk = risk(r ?? '');
        return st && rk ? `${lib.stage(st)} × ${lib.riskType(rk)}` : flag.subject.label;
      }
      default:
        return flag.subject.label;
    }
  }

  function reason(flag: Flag): string {
    const params: Record<string, string | number> = { ...flag.params, subject: subject(flag) };
    if (flag.kind === 'chain-residual-risk') {
      const st = stage(String(flag.params.stage));
      const rk = risk(String(flag.params.riskType));
      params.stage = st ? lib.stage(st) : String(flag.params.stage);
      params.riskType = rk ? lib.riskType(rk).toLowerCase() : String(flag.params.riskType);
      params.band = t(`band.${flag.params.band}`).toLowerCase();
    }
    return t(`flagReason.${flag.kind}`, { ...params, defaultValue: flag.reason });
  }

  function remedy(flag: Flag): { action: string; families: Array<{ id: string; title: string; recommendation: string }> } {
    return {
      action: t(`flagRemedy.${flag.kind}`, { ...flag.params, defaultValue: flag.remedy.action }),
      families: flag.remedy.families.map((f) => ({ id: f.id, title: lib.family(f), recommendation: lib.familyRecommendation(f) })),
    };
  }

  return { subject, reason, remedy };
}
