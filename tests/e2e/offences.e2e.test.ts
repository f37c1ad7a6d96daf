/**
 * PI-1.3 in a real browser: assessing one offence criterion (Art. 15, bribery)
 * below the law's threshold raises offence-not-established, which shows on
 * Chain risk beside the risk type and in the exported PDF. axe runs on each screen.
 */
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { openSession, type Session } from './support/session.js';
import { goTo } from './support/ui.js';

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session?.close();
});

const CRITERION = 'Art. 15 Bribery of officials involved in permits is a criminal offence';

describe('the legal framework pack in Chromium', () => {
  it('Chain risk names each risk type’s offence with its maturity, and no bribery flag while the law is at 3', async () => {
    const { page } = session;
    await goTo(page, 'Chain risk');
    await page.getByRole('heading', { level: 1, name: 'Permit-chain risk' }).waitFor();
    expect((await page.getByTestId('offence-bribery').textContent())!.trim()).toBe('Art. 15 · maturity 3');
    expect(await page.getByTestId('offence-flag-bribery').count()).toBe(0);
    // The demo's own answers: trading in influence (18) at 1 and illicit enrichment (20) at 0 are flagged.
    expect(await page.getByTestId('offence-flag-trading_in_influence').textContent()).toBe('Offence not established');
    expect(await page.getByTestId('offence-flag-illicit_enrichment').textContent()).toBe('Offence not established');
    // Document fraud has no UNCAC offence behind it.
    expect(await page.getByRole('columnheader', { name: /Document fraud and forgery/ }).textContent()).toContain('No UNCAC offence');
  });

  it('assessing Art. 15 at 1 (with a justification) raises the flag on Chain risk', async () => {
    const { page } = session;
    await goTo(page, 'Assessment');
    await page.getByRole('heading', { level: 1, name: 'Self-assessment, criterion by criterion' }).waitFor();
    await page.getByRole('navigation', { name: 'Criteria' }).getByRole('button', { name: /^Art\. 15 Bribery of officials/ }).click();
    const card = page.getByTestId('criterion-card');
    await card.getByRole('heading', { level: 2, name: CRITERION }).waitFor();
    expect(await card.getByTestId('final-maturity').textContent()).toBe('3 Implemented');
    const form = card.getByRole('form', { name: 'Override' });
    await form.getByLabel('Overriding maturity').selectOption('1');
    await form.getByLabel('Justification').fill('The Penal Code punishes only the official who accepts a bribe; offering one to a permit officer is not an offence.');
    await form.getByRole('button', { name: 'Save override' }).click();
    await expect.poll(() => card.getByTestId('final-maturity').textContent()).toBe('1 Ad hoc');
    expect(await seriousViolations(page)).toEqual([]);

    await goTo(page, 'Chain risk');
    await page.getByTestId('offence-flag-bribery').waitFor();
    expect((await page.getByTestId('offence-bribery').textContent())!).toContain('Art. 15 · maturity 1');
    const panel = page.getByTestId('offence-flags');
    const item = panel.getByRole('article', { name: CRITERION });
    expect(await item.locator('.flag-reason').textContent()).toMatch(
      /^Art\. 15 is at maturity 1, so national law does not establish bribery as an offence that reaches the permit chain, yet bribery has an inherent risk of 10 or more at: .*permit issuance \(25\).*\.$/,
    );
    expect(await item.getByText('Legal and regulatory framework', { exact: true }).count()).toBe(1);
    await screenshot(page, 'chain-offences-en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the exported PDF carries the section and the flag', async () => {
    const { page } = session;
    await goTo(page, 'Reports');
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    // The preview shows one section at a time; the offences follow the criteria.
    await page.getByRole('navigation', { name: 'Sections of the report' }).getByRole('button', { name: 'Criteria', exact: true }).click();
    await page.locator('.pi-report [data-section="offences"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const [file] = (await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Export PDF', exact: true }).click()])) as [Download, void];
    const bytes = readFileSync((await file.path())!);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('Offences and sanctions (legal framework)');
    expect(text).toContain('Offence not established');
    expect(text).toContain('Art. 15 is at maturity 1, so national law does not establish bribery as an offence');
  });

  it('a new assessment offers the pack, ticked by default', async () => {
    const { page } = session;
    await goTo(page, 'Lifecycle');
    await page.getByRole('button', { name: 'New assessment' }).click();
    const box = page.getByRole('checkbox', { name: /legal framework pack/ });
    expect(await box.isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(session.errors).toEqual([]);
  });
});
