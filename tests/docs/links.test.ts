/** Every image the documentation shows must exist: a broken screenshot link fails here, not in front of a reader. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const FILES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Markdown images ![alt](target) and HTML <img src="target">, without URLs of other sites. */
function imageTargets(markdown: string): string[] {
  const targets = [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...markdown.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  return targets.filter((t) => !/^[a-z]+:/i.test(t));
}

describe('documentation images', () => {
  it('finds the screenshot links to check', () => {
    const all = FILES.flatMap((f) => imageTargets(readFileSync(join(ROOT, f), 'utf8')));
    expect(all.length).toBeGreaterThanOrEqual(13);
  });

  it.each(FILES)('every image link in %s resolves to a file', (file) => {
    const missing = imageTargets(readFileSync(join(ROOT, file), 'utf8')).filter((target) => !existsSync(resolve(dirname(join(ROOT, file)), decodeURIComponent(target.split('#')[0]!))));
    expect(missing).toEqual([]);
  });

  it('spots a broken link (the check itself can fail)', () => {
    expect(imageTargets('![x](screenshots/none.png) ![y](https://example.org/a.png)')).toEqual(['screenshots/none.png']);
  });
});
