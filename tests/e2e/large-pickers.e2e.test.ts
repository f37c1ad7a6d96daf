import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createControl } from '../../db/controls.js';
import { closeRegister, inTransaction, openRegister } from '../../db/register.js';
import { expectNoViolation } from './support/axe-all.js';
import { useSession, type Session } from './support/session.js';
import { goTo } from './support/ui.js';

/**
 * Pickers of controls at real size: the demo authority with 1,500 more
 * controls, so that a control far down the title order (beyond the first
 * thousand a picker lists) is found by searching on the server and linked.
 */
const folder = mkdtempSync(join(tmpdir(), 'pi-e2e-large-'));
const db = join(folder, 'register.sqlite');
const seeded = spawnSync(process.execPath, ['dist/cli/bin.cjs', 'demo', '--db', db], { encoding: 'utf8' });
if (seeded.status !== 0) throw new Error(`could not load the demo: ${seeded.stderr}`);
const register = openRegister(db, { mustExist: true });
inTransaction(register, () => {
  for (let i = 1; i <= 1500; i += 1) createControl(register, 1, { family: 'vetting', title: `Zone ${String(i).padStart(4, '0')} vetting check`, owner: 'HR', maturity: 2, lastReviewed: '2026-05-01' });
});
closeRegister(register);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let session: Session;
let page: Page;
useSession(
  (opened) => {
    session = opened;
    page = opened.page;
  },
  { db },
);

describe('control pickers in a register of 1,500+ controls', () => {
  it('an action links a control beyond the first thousand by searching for it', async () => {
    await goTo(page, 'Gaps');
    const list = page.getByRole('list', { name: 'Flags, most severe first' });
    await list.waitFor();
    await page.getByRole('button', { name: 'Expand all groups' }).click();
    const article = list.getByRole('article').first();
    const subject = ((await article.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
    await article.getByRole('button', { name: `Make an action for ${subject}` }).click();
    const dialog = page.getByRole('dialog', { name: `New action: ${subject}` });
    const search = dialog.getByLabel('Find a control');
    await search.waitFor();
    await expect.poll(() => dialog.locator('.control-search .hint').textContent()).toMatch(/^Showing 1,000 of 1,5\d\d matching controls/);
    // "Zone 1499" sorts after the first thousand titles: not listed until searched for.
    expect(await dialog.getByLabel('Zone 1499 vetting check').count()).toBe(0);
    await search.fill('zone 1499');
    await dialog.getByLabel('Zone 1499 vetting check').check();
    await expectNoViolation(page, 'action-dialog-large-register');
    await search.fill('');
    // Searched away, the linked control stays visible and checked.
    await expect.poll(() => dialog.getByLabel('Zone 1499 vetting check').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Save action' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await goTo(page, 'Actions');
    const row = page.getByRole('table', { name: 'Actions of this assessment' }).getByRole('row').filter({ hasText: subject });
    await row.waitFor();
    expect(session.errors).toEqual([]);
  });
});

describe('the Register of 1,500+ controls from the keyboard', () => {
  /** The row index of the focused title button, or null when focus is elsewhere. */
  const focusedRow = () => page.evaluate<string | null>("document.activeElement?.getAttribute('data-row-index') ?? null");

  it('arrow keys walk the rows past the first screenful, keeping up with quick presses, and Ctrl+Home / Ctrl+End reach the ends', async () => {
    await goTo(page, 'Register');
    const region = page.getByRole('region', { name: 'Controls table' });
    const first = region.locator('button[data-row-index="0"]');
    await first.waitFor();
    const rows = Number(await region.getByRole('table').getAttribute('aria-rowcount')) - 1;
    expect(rows).toBeGreaterThan(1500);
    await first.focus();
    for (let i = 0; i < 30; i += 1) await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('30');
    // The focused row is inside the scrolled view, not left below it.
    const scrolled = await region.evaluate((box) => (box as unknown as { scrollTop: number }).scrollTop);
    expect(scrolled).toBeGreaterThan(0);
    // Straight from there to the last row (this used to stop rows short and drop the focus).
    await page.keyboard.press('Control+End');
    await expect.poll(focusedRow, { timeout: 15_000 }).toBe(String(rows - 1));
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedRow).toBe(String(rows - 2));
    await page.keyboard.press('Control+Home');
    await expect.poll(focusedRow, { timeout: 15_000 }).toBe('0');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('1');
    expect(session.errors).toEqual([]);
  });
});
