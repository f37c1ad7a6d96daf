import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { openSession, type Session } from './support/session.js';
import { radarMaturityPath } from './support/ui.js';

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session?.close();
});

describe('Overview in a real browser', () => {
  it('shows the demo authority with the scores PI-1 gives, flags by severity and the heat map', async () => {
    const { page } = session;
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Veridia');
    expect(await page.getByTestId('overall-score').textContent()).toBe('53.7');
    expect(await page.getByTestId('article-score-7').textContent()).toBe('61.4');
    expect(await page.getByTestId('flag-counts').textContent()).toMatch(/Critical\s*2/);
    expect(await page.getByRole('table').filter({ hasText: 'Legal-acquisition finding' }).getByText('25 → 17.5').count()).toBe(1);
    // Wait for the radar's animation, so the screenshot shows it drawn.
    await radarMaturityPath(page);
    await screenshot(page, 'overview-en');
    expect(await seriousViolations(page)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
