/** The audit log as an auditor reads it, in Chromium: sentences, field-by-field changes, raw JSON on demand, filters and CSV; English and French. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/app.js';
import { allViolations } from './support/axe.js';
import { openSession, type Session } from './support/session.js';
import { apiFromPage, goTo } from './support/ui.js';

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session?.close();
});

describe('the audit log in words', () => {
  it('EN: a control change reads as a sentence with the name and before → after; filters by who, what and when; CSV has the sentence', async () => {
    const { page } = session;
    await apiFromPage(page, 'settings.set', { actor: 'Ana Ruiz' });
    const list = (await apiFromPage<{ rows: Array<{ id: number; title: string; maturity: number }> }>(page, 'controls.list', { authorityId: 1, asOf: '2026-10-31' })) as { ok: true; value: { rows: Array<Record<string, unknown> & { id: number; title: string; maturity: number }> } };
    const control = list.value.rows.find((c) => c.maturity === 2)!;
    const { id, title, family, description, owner, lastReviewed, stages, riskTypes } = control as Record<string, unknown>;
    const updated = await apiFromPage(page, 'controls.update', { id, control: { title, family, description, owner, lastReviewed, stages, riskTypes, maturity: 3 } });
    expect(updated.ok).toBe(true);
    // A language change is a preference: no entry.
    await apiFromPage(page, 'settings.set', { language: 'en' });

    await goTo(page, 'Audit log');
    const table = page.getByTestId('audit-table');
    const newest = table.getByRole('row').nth(1);
    await newest.waitFor();
    expect(await newest.getByRole('cell').nth(3).textContent()).toContain(`Ana Ruiz changed the maturity of the control “${title}” from 2 to 3.`);
    expect(await newest.locator('.audit-fields').textContent()).toMatch(/2\s*→\s*becomes\s*3|2 → 3/);
    await newest.getByText('Raw entry (JSON)').click();
    expect(await newest.locator('.audit-raw pre').textContent()).toContain('"entityId"');
    expect(await allViolations(page)).toEqual([]);
    await screenshot(page, 'audit-words', { docs: true });

    await page.getByLabel('Who').selectOption('Ana Ruiz');
    await page.getByLabel('What').selectOption('control');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toContain('What happened');
    expect(csv).toContain(`Ana Ruiz changed the maturity of the control “${title}” from 2 to 3.`);
    await page.getByLabel('From').fill('2099-01-01');
    await page.getByText('No loaded entry matches the filter.').waitFor();
    expect(session.errors).toEqual([]);
  });

  it('FR: the same entry in French', async () => {
    const { page } = session;
    await page.getByRole('banner').getByLabel('Language', { exact: true }).selectOption('fr');
    await page.getByLabel('Du').fill('');
    await page.getByLabel('Qui').selectOption('');
    await page.getByLabel('Quoi').selectOption('');
    const newest = page.getByTestId('audit-table').getByRole('row').nth(1);
    await expect.poll(async () => newest.getByRole('cell').nth(3).textContent()).toMatch(/^Ana Ruiz a modifié la maturité \(mesure «[\s\u00a0].*[\s\u00a0]»\)[\s\u00a0]: 2 → 3\./);
    expect(await allViolations(page)).toEqual([]);
    await page.getByRole('banner').getByLabel('Langue', { exact: true }).selectOption('en');
  });
});
