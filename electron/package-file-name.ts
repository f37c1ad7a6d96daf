import type { AuthorityRecord } from '../shared/domain/records.js';

/**
 * A file name for an authority's package: its name in plain letters, then its
 * id. Kept apart from file-actions.ts so that the main process (menu.ts) can
 * name files without loading the API handlers, which live in the register worker.
 */
export function packageFileName(authority: Pick<AuthorityRecord, 'id' | 'name'>): string {
  const slug = authority.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'authority'}-${authority.id}.json`;
}
