/** Gaps as an assessor works through them, in Chromium: grouped and collapsed with counts, and a remedy that opens a pre-filled control form (EN, ES). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/app.js';
import { allViolations } from './support/axe.js';
import { openSession, type Session } from './support/session.js';
import { goTo } from './support/ui.js';

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session?.close();
});

describe('Gaps grouped by criterion and severity', () => {
  it('EN: groups start collapsed with counts that add up; "Add a control for this" opens the control form with the remedy', async () => {
    const { page } = session;
    await goTo(page, 'Gaps');
    const groups = page.getByTestId('gap-group');
    await groups.first().waitFor();
    const total = Number(/(\d+) flags in all/.exec((await page.getByTestId('gaps-flag-counts').locator('li.muted').textContent()) ?? '')?.[1]);
    const counts = (await groups.locator('.gap-group-count').allTextContents()).map((text) => Number(/\d+/.exec(text)?.[0]));
    // Flags about single controls have their own groups below, each with its count.
    const controlGroups = page.locator('details.flag-group');
    let perControl = 0;
    for (let i = 0; i < (await controlGroups.count()); i++) perControl += Number(await controlGroups.nth(i).getAttribute('data-count'));
    expect(counts.reduce((a, b) => a + b, 0) + perControl).toBe(total);
    expect(await groups.count()).toBeLessThan(total);
    // Collapsed: no flag text is visible until a group is opened.
    expect(await page.getByRole('article').count()).toBe(0);
    expect(await page.evaluate('document.documentElement.scrollHeight')).toBeLessThan(2500);
    expect(await allViolations(page)).toEqual([]);
    await screenshot(page, 'gaps', { docs: true });

    const missing = groups.filter({ hasText: 'Missing core family' }).first();
    await missing.locator('summary').click();
    expect(await missing.getByRole('article').count()).toBeGreaterThan(0);
    // Each flag of an opened group offers "Make an action" (the action plan).
    expect(await missing.getByRole('button', { name: /make an action/i }).count()).toBeGreaterThan(0);
    expect(await allViolations(page)).toEqual([]);
    await missing.getByRole('link', { name: /^Add a control for this/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Add control' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Family', { exact: true }).inputValue()).toBe('integrity_focal_point');
    expect(await dialog.getByLabel('Description', { exact: true }).inputValue()).not.toBe('');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(session.errors).toEqual([]);
  });

  it('ES: the same groups in Spanish, all expandable at once', async () => {
    const { page } = session;
    await page.getByRole('banner').getByLabel('Language', { exact: true }).selectOption('es');
    await goTo(page, 'Brechas');
    await page.getByRole('button', { name: 'Desplegar todos los grupos' }).click();
    await page.getByRole('article').first().waitFor();
    expect(await page.getByRole('link', { name: /^Añadir una medida para esto/ }).count()).toBeGreaterThan(0);
    expect(await allViolations(page)).toEqual([]);
    await page.getByRole('banner').getByLabel('Idioma', { exact: true }).selectOption('en');
  });
});
