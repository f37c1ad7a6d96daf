import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flag } from '../../../shared/methodology/flags/types.js';
import { flagText } from '../../../shared/report/flag-text.js';
import { useWorkspace } from '../app/workspace.js';

/**
 * A flag's subject, reason and remedy in the UI language: the same shared
 * translation the reports use, so a screen and its export word a flag alike.
 */
export function useFlagText() {
  const { t, i18n } = useTranslation();
  const { library, detail } = useWorkspace();
  const asOf = detail?.assessment.asOf;
  const text = useMemo(
    () =>
      flagText(i18n.language, {
        criteria: library.frameworks.flatMap((f) => f.criteria),
        families: library.families,
        stages: library.stages,
        riskTypes: library.riskTypes,
        asOf,
      }),
    [i18n.language, library, asOf, t],
  );
  return {
    subject: text.subject,
    reason: text.reason,
    remedy: (flag: Flag) => ({ action: text.remedy(flag), families: text.families(flag) }),
  };
}
