import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/session.js';

let session: Session;
beforeAll(async () => {
  session = await openSession({ viewport: { width: 1024, height: 768 } });
});
afterAll(async () => {
  await session?.close();
});

const SCREENS = ['overview', 'register', 'assessment', 'chain', 'gaps', 'actions', 'calendar', 'permits', 'reports', 'lifecycle', 'audit', 'authorities', 'portfolio'];

describe('a 1024 × 768 window', () => {
  it.each(SCREENS)('%s does not scroll sideways', async (screen) => {
    const { page } = session;
    await page.evaluate(`window.location.hash = '#/${screen}'`);
    await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
    // Let late content (tables, charts, the report preview) settle before measuring.
    await page.waitForLoadState('networkidle');
    const widths = (await page.evaluate('({ page: document.documentElement.scrollWidth, window: window.innerWidth })')) as { page: number; window: number };
    expect(widths.page, `${screen}: page ${widths.page}px wide in a ${widths.window}px window`).toBeLessThanOrEqual(widths.window);
  });

  it('keeps "Add control" on screen on the Register', async () => {
    const { page } = session;
    await page.evaluate(`window.location.hash = '#/register'`);
    const button = page.getByRole('button', { name: 'Add control' });
    await button.waitFor();
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    expect(session.errors).toEqual([]);
  });
});
