import { useTranslation } from 'react-i18next';
import { libraryText } from '../../../shared/library/translations.js';

/**
 * Library wording in the UI language. English is the library's own text; the
 * treaty paragraphs are quoted in English, one of the six equally authentic texts (UNCAC Art 71).
 */
export function useLibraryText() {
  const { i18n } = useTranslation();
  return libraryText(i18n.language);
}
