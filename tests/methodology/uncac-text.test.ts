/**
 * The library quotes the treaty word for word. This test reads the design
 * file (../shared/design/uncac-text.md, beside the repository here and in CI)
 * and compares every paragraph the legal framework pack quotes, and its
 * obligation level, with the library data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInBase, builtInFrameworks } from '../../shared/library/builtin.js';
import { LIBRARY_TRANSLATIONS } from '../../shared/library/translations.js';

const DESIGN = new URL('../../../shared/design/uncac-text.md', import.meta.url);

interface Quoted {
  obligation: string;
  text: string;
}

/**
 * Paragraphs of one section: a bullet `- **id** [level] "…` opens a
 * paragraph; its indented sub-items continue it. Lines are joined with one
 * space (the library's way of writing lettered items inline) and the quotation
 * runs from the first to the last double quote.
 */
function quotedParagraphs(markdown: string, heading: string): Map<string, Quoted> {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`section "${heading}" not found in the design file`);
  const lines = markdown.slice(start).split('\n').slice(1);
  const end = lines.findIndex((line) => line.startsWith('### '));
  const parts = new Map<string, { obligation: string; lines: string[] }>();
  let current: { obligation: string; lines: string[] } | undefined;
  for (const line of end < 0 ? lines : lines.slice(0, end)) {
    const opening = /^- \*\*([0-9.()a-z]+)\*\* \[(\w+)\] (.*)$/.exec(line);
    if (opening) {
      current = { obligation: opening[2]!, lines: [opening[3]!] };
      parts.set(opening[1]!, current);
    } else if (current && line.trim()) {
      current.lines.push(line.trim().replace(/^- /, ''));
    }
  }
  return new Map(
    [...parts].map(([id, p]) => {
      const joined = p.lines.join(' ');
      return [id, { obligation: p.obligation, text: joined.slice(joined.indexOf('"') + 1, joined.lastIndexOf('"')) }];
    }),
  );
}

describe('the legal framework pack quotes UNCAC exactly', () => {
  const design = quotedParagraphs(readFileSync(DESIGN, 'utf8'), '### Offences and sanctions');
  const pack = builtInFrameworks().find((f) => f.id === 'uncac-offences')!;

  it('has one criterion per paragraph of the design section, and no other', () => {
    expect([...design.keys()]).toEqual(['15', '18', '19', '20', '23.1', '24', '30.1', '30.6']);
    expect(pack.criteria.map((c) => c.id)).toEqual([...design.keys()]);
  });

  for (const id of ['15', '18', '19', '20', '23.1', '24', '30.1', '30.6']) {
    it(`Art. ${id}: the quoted text and obligation level match the design file`, () => {
      const quoted = design.get(id)!;
      const criterion = pack.criteria.find((c) => c.id === id)!;
      expect(quoted.text.length).toBeGreaterThan(100);
      expect(criterion.text).toBe(quoted.text);
      expect(criterion.obligation).toBe(quoted.obligation);
    });
  }

  it('names each risk type the criterion stands behind, as the risk types name their article', () => {
    const lib = new Map(pack.criteria.map((c) => [c.id, c.riskType ?? null]));
    expect(Object.fromEntries(lib)).toEqual({
      '15': 'bribery',
      '18': 'trading_in_influence',
      '19': 'abuse_of_functions',
      '20': 'illicit_enrichment',
      '23.1': 'laundering',
      '24': 'concealment',
      '30.1': null,
      '30.6': null,
    });
  });
});

describe('the pack speaks French and Spanish like the rest of the library', () => {
  const pack = builtInFrameworks().find((f) => f.id === 'uncac-offences')!;

  it('every offence article matches the article its risk type names', () => {
    const risks = new Map(builtInBase().riskTypes.map((r) => [r.id, r.uncacArticle]));
    for (const c of pack.criteria.filter((x) => x.riskType)) expect(risks.get(c.riskType!), c.id).toBe(c.article);
  });

  for (const language of ['fr', 'es']) {
    it(`${language}: every criterion title and five guidance levels, both families and every article are translated`, () => {
      const tr = LIBRARY_TRANSLATIONS[language]!;
      for (const c of pack.criteria) {
        expect(tr.criteria[c.id]?.title.trim(), c.id).toBeTruthy();
        expect(tr.criteria[c.id]!.guidance, c.id).toHaveLength(5);
        for (const level of tr.criteria[c.id]!.guidance) expect(level.trim().length).toBeGreaterThan(20);
      }
      for (const f of pack.families) {
        const t = tr.families[f.id]!;
        expect([t.title, t.description, t.recommendation].every((x) => x.trim().length > 0), f.id).toBe(true);
      }
      for (const a of pack.articles) expect(tr.articles[`${pack.id}:${a.id}`], a.id).toBeTruthy();
    });
  }
});
