import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { expectNoViolation as expectPageClean } from './support/axe-all.js';
import { useSession, type Session } from './support/session.js';
import { escapeRegExp, goTo } from './support/ui.js';

/**
 * The review conversation on the demo's 2026 draft: the assessor comments on a
 * criterion and a chain cell, the reviewer returns the assessment with a
 * reason posted to the criterion's thread and reads everything in the
 * Lifecycle view, the report carries the threads as an annex on request; then
 * the assessor answers in French.
 */

const CURRENT = '2026 self-assessment';
const CRITERION = 'Art. 7.1(a) Merit-based recruitment and promotion';
const CELL = 'Permit issuance × Bribery';

let session: Session;
let page: Page;
useSession((opened) => {
  session = opened;
  page = opened.page;
});

const expectNoViolation = (name: string) => expectPageClean(page, name);

const criterionThread = () => page.getByTestId('criterion-card').getByTestId('thread-criterion:7.1(a)');

describe('Comment threads in a real browser (English)', () => {
  it('posts a comment on a criterion, refusing an empty one', async () => {
    await goTo(page, 'Assessment');
    await page.getByRole('navigation', { name: 'Criteria' }).getByRole('button', { name: /^Art\. 7\.1\(a\) Merit-based recruitment/ }).click();
    const thread = criterionThread();
    await thread.getByText('No comment yet.').waitFor();
    await thread.getByRole('button', { name: 'Post comment' }).click();
    expect(await thread.getByRole('alert').textContent()).toBe('Write a comment before posting.');
    await thread.getByLabel(`Your comment on ${CRITERION}`).fill('The 2026 recruitment log is attached to the vetting control.');
    await thread.getByRole('button', { name: 'Post comment' }).click();
    await thread.getByRole('list', { name: `Comments on ${CRITERION}` }).getByText('The 2026 recruitment log is attached to the vetting control.').waitFor();
    await expect.poll(() => thread.locator('summary').textContent()).toMatch(/^Comments \(1\)/);
  });

  it('posts a comment on a chain cell', async () => {
    await goTo(page, 'Chain risk');
    const thread = page.getByTestId('thread-cell:permit_issuance/bribery');
    await thread.locator('summary').click();
    await thread.getByLabel(`Your comment on ${CELL}`).fill('Impact 5: a single bribed signature releases a whole shipment.');
    await thread.getByRole('button', { name: 'Post comment' }).click();
    await thread.getByText('Impact 5: a single bribed signature releases a whole shipment.').waitFor();
  });

  it('returns the assessment to draft with a reason posted to the criterion thread; the reviewer reads every thread', async () => {
    await goTo(page, 'Lifecycle');
    const row = page.getByRole('row').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(CURRENT)}(?! \\()`) });
    await row.getByRole('button', { name: `Submit: ${CURRENT}` }).click();
    // No name is set yet in this register: the app asks for it before the step.
    const who = page.getByRole('dialog', { name: 'Who are you?' });
    await who.getByLabel('Your name').fill('Ana Assessor');
    await who.getByRole('button', { name: 'Save and submit' }).click();
    await row.getByRole('button', { name: `Return to draft: ${CURRENT}` }).click();
    const dialog = page.getByRole('dialog', { name: `Return “${CURRENT}” to draft` });
    await dialog.getByLabel('Reason', { exact: true }).fill('Attach the log itself, not a summary of it.');
    await dialog.getByLabel('Where to post it').selectOption({ label: CRITERION });
    await dialog.getByRole('button', { name: 'Return to draft' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const panel = page.getByTestId('review-comments');
    await panel.getByRole('heading', { level: 3, name: CRITERION }).waitFor();
    const criterion = panel.locator('.thread').filter({ has: page.getByRole('heading', { level: 3, name: CRITERION }) });
    // The thread already shows its first comment: wait until the reason has joined it.
    await expect.poll(() => criterion.locator('li').count()).toBe(2);
    expect(await criterion.locator('li').nth(1).textContent()).toMatch(/reason for return to draft\s*Attach the log itself, not a summary of it\.$/);
    await panel.getByRole('heading', { level: 3, name: `Chain cell: ${CELL}` }).waitFor();
    await expectNoViolation('lifecycle-comments-en');
  });

  it('adds the threads to the report as an annex when asked', async () => {
    await goTo(page, 'Reports');
    await page.getByLabel('Add the review comments as an annex (PDF, HTML)').check();
    const [file] = (await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Export HTML', exact: true }).click()])) as [Download, void];
    const html = readFileSync((await file.path())!, 'utf8');
    expect(html).toContain('Annex D. Review comments');
    expect(html).toContain('Attach the log itself, not a summary of it.');
    expect(html).toContain('Impact 5: a single bribed signature releases a whole shipment.');
    expect(session.errors).toEqual([]);
  });
});

describe('Fils de commentaires en français', () => {
  it('répond dans le fil du critère', async () => {
    await page.getByRole('banner').getByLabel('Language', { exact: true }).selectOption('fr');
    await goTo(page, 'Évaluation');
    await page.getByRole('navigation', { name: 'Critères' }).getByRole('button', { name: /^Art\. 7\.1\(a\)/ }).click();
    const thread = criterionThread();
    await thread.getByText('motif du renvoi en brouillon', { exact: false }).waitFor();
    await thread.getByRole('textbox').fill('Le registre complet est joint comme preuve.');
    await thread.getByRole('button', { name: 'Publier le commentaire' }).click();
    await thread.getByText('Le registre complet est joint comme preuve.').waitFor();
    await expect.poll(() => thread.locator('summary').textContent()).toMatch(/^Commentaires \(3\)/);
    await expectNoViolation('assessment-comments-fr');
    expect(session.errors).toEqual([]);
  });
});
