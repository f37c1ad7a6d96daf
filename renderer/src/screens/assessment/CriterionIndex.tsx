import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLibraryText } from '../../i18n/library-text.js';
import type { CriterionRow } from './criteria.js';

/** The checklist's table of contents: every criterion shown, with where it stands in words (never colour alone). */
export function CriterionIndex({ rows, currentId, onSelect }: { rows: CriterionRow[]; currentId: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation('assessment');
  const lib = useLibraryText();
  const navRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // Keep the current entry visible inside the index's own scroll area, without moving the page.
    const nav = navRef.current;
    const item = nav?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!nav || !item) return;
    const top = item.getBoundingClientRect().top - nav.getBoundingClientRect().top + nav.scrollTop;
    if (top < nav.scrollTop || top + item.offsetHeight > nav.scrollTop + nav.clientHeight) nav.scrollTop = top - nav.clientHeight / 3;
  }, [currentId]);
  return (
    <nav ref={navRef} className="criteria-index" aria-label={t('index.label')}>
      <h2 className="index-heading">{t('index.label')}</h2>
      {rows.length ? (
        <ol>
          {rows.map((r) => {
            const c = r.result;
            const state = !c.applicable ? 'na' : c.meetsTarget ? 'met' : 'missed';
            return (
              <li key={`${c.frameworkId}:${c.id}`}>
                <button type="button" className={`index-item state-${state}`} aria-current={r.id === currentId ? 'true' : undefined} onClick={() => onSelect(r.id)}>
                  <span className="index-ref">{c.paragraph}</span>{' '}
                  <span className="index-title">{lib.criterionTitle(c)}</span>{' '}
                  <span className="index-status">
                    {state === 'na' ? t('index.notApplicable') : state === 'met' ? `✓ ${t('index.atTarget')}` : `✗ ${t('index.belowTarget')}`}
                    {c.applicable ? ` · ${t('index.maturity', { final: c.final, target: c.target })}` : ''}
                    {r.assessed ? ` · ${t('index.assessed')}` : ''}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">{t('filters.none')}</p>
      )}
    </nav>
  );
}
