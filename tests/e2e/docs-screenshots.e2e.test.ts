/**
 * The images docs/ui.md and docs/reports.md show, taken from the running app
 * on the demo register: every screen in English, two in French and Spanish,
 * and the first pages of the HTML report. Run with PI_DOCS_SCREENSHOTS=1 to
 * refresh docs/screenshots/; tests/docs/links.test.ts checks every image link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/app.js';
import { openSession, type Session } from './support/session.js';
import { apiFromPage, goTo, radarMaturityPath } from './support/ui.js';

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session?.close();
});

const SCREENS: Array<[link: string, file: string]> = [
  ['Overview', 'overview'],
  ['Register', 'register'],
  ['Chain risk', 'chain'],
  ['Gaps', 'gaps'],
  ['Reports', 'reports'],
  ['Lifecycle', 'lifecycle'],
  ['Audit log', 'audit'],
  ['Authorities & settings', 'authorities'],
  ['Portfolio', 'portfolio'],
];

describe('documentation screenshots', () => {
  it('every screen in English', async () => {
    const { page } = session;
    for (const [link, file] of SCREENS) {
      await goTo(page, link);
      await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
      if (file === 'overview') await radarMaturityPath(page);
      if (file === 'reports') await page.locator('.pi-report').first().waitFor();
      await screenshot(page, file, { docs: true });
    }
    expect(session.errors).toEqual([]);
  });

  it('the Assessment screen in French and the Overview in Spanish', async () => {
    const { page } = session;
    await page.getByRole('banner').getByLabel('Language', { exact: true }).selectOption('fr');
    await goTo(page, 'Évaluation');
    await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
    await screenshot(page, 'assessment-fr', { docs: true });
    await page.getByRole('banner').getByLabel('Langue', { exact: true }).selectOption('es');
    await goTo(page, 'Resumen');
    await radarMaturityPath(page);
    await screenshot(page, 'overview-es', { docs: true });
    await page.getByRole('banner').getByLabel('Idioma', { exact: true }).selectOption('en');
  });

  it('the cover and executive summary of the HTML report', async () => {
    const { page } = session;
    const exported = await apiFromPage<{ contentBase64: string }>(page, 'reports.export', { id: 2, format: 'html', language: 'en' });
    if (!exported.ok) throw new Error(exported.error.message);
    const report = await session.context.newPage();
    await report.setContent(Buffer.from(exported.value.contentBase64, 'base64').toString('utf8'));
    for (const [section, file] of [['cover', 'report-page-01'], ['summary', 'report-page-02']] as const) {
      const element = report.locator(`[data-section="${section}"]`).first();
      await element.waitFor();
      if (process.env.PI_DOCS_SCREENSHOTS === '1') await element.screenshot({ path: new URL(`../../docs/screenshots/${file}.png`, import.meta.url).pathname });
      else await screenshot(report, file);
    }
    await report.close();
  });
});
