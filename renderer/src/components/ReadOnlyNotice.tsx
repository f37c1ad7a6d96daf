import { useTranslation } from 'react-i18next';
import { inputsEditable } from '../../../shared/methodology/lifecycle.js';
import type { AssessmentStatus } from '../../../shared/domain/vocabulary.js';

/** Says why inputs cannot be changed, using the same lifecycle rule the register enforces; the status reads as a word in the sentence. */
export function ReadOnlyNotice({ status }: { status: AssessmentStatus }) {
  const { t, i18n } = useTranslation();
  if (inputsEditable(status)) return null;
  return (
    <p className="notice-inline" role="note">
      {status === 'locked' ? t('common.lockedReadOnly') : t('common.notDraftReadOnly', { status: t(`status.${status}`).toLocaleLowerCase(i18n.language) })}
    </p>
  );
}
