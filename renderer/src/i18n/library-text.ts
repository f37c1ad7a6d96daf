import { useTranslation } from 'react-i18next';
import { libraryText } from '../../../shared/library/translations.js';

/**
 * Library wording in the UI language. English is the library's own text; the
 * treaty paragraphs stay in English (the bundled authentic text).
 */
export function useLibraryText() {
  const { i18n } = useTranslation();
  return libraryText(i18n.language);
}
