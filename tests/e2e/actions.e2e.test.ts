import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoViolation as expectPageClean } from './support/axe-all.js';
import { useSession, type Session } from './support/session.js';
import { apiFromPage, goTo } from './support/ui.js';

/**
 * An assessor's action plan on the demo: an action made from a flag on Gaps,
 * followed on the Actions view, marked done while its gap remains, carried
 * into a re-assessment; then the same in French with accepted risk.
 */

let session: Session;
let page: Page;
useSession((opened) => {
  session = opened;
  page = opened.page;
});

const expectNoViolation = (name: string) => expectPageClean(page, name);

/** The first flag on Gaps: its heading (subject) and its article. */
async function firstFlag() {
  const list = page.getByRole('list', { name: 'Flags, most severe first' });
  await list.waitFor();
  // Gaps start grouped and collapsed: open every group first.
  await page.getByRole('button', { name: 'Expand all groups' }).click();
  const article = list.getByRole('article').first();
  const subject = ((await article.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
  return { article, subject };
}

describe('Action plan in a real browser (English)', () => {
  it('makes an action from a flag on Gaps, with owner and due date', async () => {
    await goTo(page, 'Gaps');
    const { article, subject } = await firstFlag();
    await article.getByRole('button', { name: `Make an action for ${subject}` }).click();
    const dialog = page.getByRole('dialog', { name: `New action: ${subject}` });
    // The title is pre-filled with the remedy PI-1 gives.
    expect(await dialog.getByLabel('What will be done').inputValue()).not.toBe('');
    await dialog.getByLabel('What will be done').fill('');
    await dialog.getByRole('button', { name: 'Save action' }).click();
    await dialog.getByText('Say what will be done.').waitFor();
    await dialog.getByLabel('What will be done').fill('Appoint an integrity focal point in the permits directorate');
    await dialog.getByLabel('Owner', { exact: true }).fill('Director-General');
    await dialog.getByLabel('Due date', { exact: true }).fill('2026-12-15');
    await expectNoViolation('action-dialog-en');
    await dialog.getByRole('button', { name: 'Save action' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const element = article.getByTestId('flag-action');
    await element.getByText('Open', { exact: true }).waitFor();
    expect(await element.textContent()).toContain('Owner: Director-General · due 15 Dec 2026');
  });

  it('lists it on the Actions view, filters, and says "done, but the gap remains" while the flag is raised', async () => {
    await goTo(page, 'Actions');
    await page.getByRole('heading', { level: 1, name: 'Action plan' }).waitFor();
    const table = page.getByRole('table', { name: 'Actions of this assessment' });
    const row = table.getByRole('row').filter({ hasText: 'Appoint an integrity focal point' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Director-General');
    expect(await page.getByTestId('actions-shown').textContent()).toBe('1 action of 1');
    await page.getByRole('search').getByLabel('Status', { exact: true }).selectOption({ label: 'Done, gap closed' });
    expect(await page.getByTestId('actions-shown').textContent()).toBe('0 actions of 1');
    await page.getByRole('search').getByLabel('Status', { exact: true }).selectOption({ label: 'All statuses' });
    await row.getByRole('button', { name: /^Edit the action for / }).click();
    const dialog = page.getByRole('dialog', { name: /^Action: / });
    await dialog.getByLabel('Status', { exact: true }).selectOption('done');
    await dialog.getByRole('button', { name: 'Save action' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('Done, but the gap remains').waitFor();
    await expectNoViolation('actions-en');
  });

  it('carries open actions into a re-assessment, and the action plan export has the real values', async () => {
    // A second, still open action, then a clone of the draft.
    const detail = await apiFromPage<{ result: { flags: Array<{ kind: string; subject: { type: string; id: string } }> } }>(page, 'assessments.get', { id: 2 });
    if (!detail.ok) throw new Error(detail.error.message);
    const flag = detail.value.result.flags[1]!;
    const made = await apiFromPage(page, 'actions.create', { assessmentId: 2, flagKey: `${flag.kind}:${flag.subject.type}:${flag.subject.id}`, action: { title: 'Still to do', owner: 'Legal unit' } });
    expect(made.ok).toBe(true);
    const docx = await apiFromPage<{ fileName: string; contentBase64: string }>(page, 'reports.export', { id: 2, format: 'docx', language: 'en' });
    if (!docx.ok) throw new Error(docx.error.message);
    expect(docx.value.fileName).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(Buffer.from(docx.value.contentBase64, 'base64'));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    for (const value of ['Director-General', 'Done, but the gap remains', 'Legal unit', 'Open']) expect(text).toContain(value);
    const clone = await apiFromPage<{ id: number; title: string }>(page, 'assessments.clone', { id: 2, title: 'Re-assessment 2027', asOf: '2027-10-31' });
    if (!clone.ok) throw new Error(clone.error.message);
    await page.reload();
    await page.getByRole('banner').getByLabel('Assessment', { exact: true }).selectOption(String(clone.value.id));
    await goTo(page, 'Actions');
    const table = page.getByRole('table', { name: 'Actions of this assessment' });
    const row = table.getByRole('row').filter({ hasText: 'Still to do' });
    await row.getByText('Carried from the previous assessment').waitFor();
    // The done one stays with the assessment it was done in.
    expect(await table.getByRole('row').filter({ hasText: 'Appoint an integrity focal point' }).count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});

describe('Plan d’action en français', () => {
  it('refuse un risque accepté sans justification, puis l’enregistre', async () => {
    await page.getByRole('banner').getByLabel('Language', { exact: true }).selectOption('fr');
    await goTo(page, 'Lacunes');
    const list = page.getByRole('list', { name: /^Alertes/ });
    await list.waitFor();
    await page.getByRole('button', { name: 'Déplier tous les groupes' }).click();
    const article = list.getByRole('article').nth(2);
    const subject = ((await article.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
    await article.getByRole('button', { name: `Créer une action pour ${subject}` }).click();
    const dialog = page.getByRole('dialog', { name: `Nouvelle action : ${subject}` });
    await dialog.getByLabel('État', { exact: true }).selectOption('accepted-risk');
    await dialog.getByRole('button', { name: "Enregistrer l'action" }).click();
    await dialog.getByText('Accepter le risque exige une justification.').waitFor();
    await dialog.getByLabel('Pourquoi le risque est accepté').fill('Budget 2027 affecté au permis électronique.');
    await dialog.getByRole('button', { name: "Enregistrer l'action" }).click();
    await dialog.waitFor({ state: 'hidden' });
    await article.getByTestId('flag-action').getByText('Risque accepté').waitFor();
    await goTo(page, 'Actions');
    await page.getByRole('heading', { level: 1, name: "Plan d'action" }).waitFor();
    await page.getByRole('table', { name: 'Actions de cette évaluation' }).getByText('Risque accepté').waitFor();
    await expectNoViolation('actions-fr');
    expect(session.errors).toEqual([]);
  });

  it('fait tenir les nouveaux écrans dans 1024 px de large, sans défilement horizontal', async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    for (const link of ['Actions', 'Calendrier', "Vue d'ensemble", 'Cycle de vie', 'Lacunes']) {
      await goTo(page, link);
      await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      expect(overflow, `${link} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});
