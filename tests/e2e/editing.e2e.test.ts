import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useSession, type Session } from './support/session.js';
import { apiFromPage, escapeRegExp, flagCounts, goTo, parseShown, radarMaturityPath, selectedLabel } from './support/ui.js';

/**
 * A user's working session on the demo register, in English: authorities,
 * the control register with evidence, the scores reacting to it, an override,
 * chain risk and the audit trail; every screen checked with axe-core.
 */

const DEMO = 'Veridia CITES Management Authority (demo)';
const ACTOR = 'Ana Ribeiro (e2e)';
const SECOND = 'Lusaria Regional Wildlife Office (e2e)';
const FOCAL = 'Integrity focal point in the permits directorate';
const DECLARATION = 'Declaration of interests before assessing a trader file';
const EVIDENCE = 'Appointment decision of the focal point';
const FILE_BYTES = Buffer.from('Decision 2026/17: appointment of the integrity focal point.\n', 'utf8');
/** The demo's current assessment is as of 2026-10-31: evidence dated after that did not exist yet and never counts. */
const EVIDENCE_DATE = '2026-10-01';
/** A fresh register holds the demo's two assessments: 1 the locked 2025 baseline, 2 the 2026 draft. */
const DEMO_CURRENT_ID = 2;

let session: Session;
let page: Page;
useSession((opened) => {
  session = opened;
  page = opened.page;
});

const header = () => page.getByRole('banner');
const overall = () => page.getByTestId('overall-score');

/** The Overview's criteria table (beside the radar): the final maturity shown for one criterion. */
async function criteriaTableMaturity(paragraph: string): Promise<string> {
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Target' }) });
  const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: new RegExp(`^Art\\. ${escapeRegExp(paragraph)} `) }) });
  return ((await row.getByRole('cell').nth(1).textContent()) ?? '').trim();
}

/** The headings of the flags on Gaps, with their kind, e.g. "Missing core family: Integrity focal point". */
async function gapsFlags(): Promise<string[]> {
  const list = page.getByRole('list', { name: 'Flags, most severe first' });
  await list.waitFor();
  // Groups start collapsed: open them all to read every flag.
  const expand = page.getByRole('button', { name: 'Expand all groups' });
  if (await expand.count()) await expand.click();
  const items = list.getByRole('article');
  const out: string[] = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    out.push(`${((await item.locator('.flag-kind').textContent()) ?? '').trim()}: ${((await item.getByRole('heading', { level: 3 }).textContent()) ?? '').trim()}`);
  }
  return out;
}

/** Flags about single controls are grouped and counted; each group says its count. */
async function groupedControlFlags(): Promise<number> {
  const groups = page.locator('details.flag-group');
  let sum = 0;
  for (let i = 0; i < (await groups.count()); i++) sum += Number(await groups.nth(i).getAttribute('data-count'));
  return sum;
}

async function expectAccessible(name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}

interface Before {
  overall: number;
  counts: Record<string, number>;
  radar: string;
  maturity74: string;
}
const before: Partial<Before> = {};

describe('Editing the register in a real browser', () => {
  it('creates a second authority, switches to it with the header select and back', async () => {
    await goTo(page, 'Authorities & settings');
    await page.getByRole('heading', { level: 1, name: 'Authorities & settings' }).waitFor();
    // Who is written into the audit log: never empty.
    const actor = page.getByLabel('Your name for the audit log');
    await actor.fill('');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('Your name for the audit log: it must not be empty.').waitFor();
    expect(await actor.getAttribute('aria-invalid')).toBe('true');
    await actor.fill(ACTOR);
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('status').filter({ hasText: `Changes will now be recorded as “${ACTOR}”.` }).waitFor();

    await page.getByRole('button', { name: 'New authority' }).click();
    const dialog = page.getByRole('dialog', { name: 'New authority' });
    await dialog.getByRole('button', { name: 'Create authority' }).click();
    // The message names the field.
    await dialog.getByText("Name: enter the authority's name.").waitFor();
    expect(await dialog.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Name', { exact: true }).fill(SECOND);
    await dialog.getByLabel('Country').fill('Republic of Lusaria (fictional)');
    await dialog.getByLabel('Level').selectOption({ label: 'Sub-national' });
    await expectAccessible('authorities-dialog-en');
    await dialog.getByRole('button', { name: 'Create authority' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Created and selected: the header and the table say so.
    const authority = header().getByLabel('Authority', { exact: true });
    await expect.poll(() => selectedLabel(authority)).toBe(SECOND);
    const table = page.getByTestId('authorities-table');
    await table.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(SECOND)}`) }).getByText('Selected').waitFor();
    expect(await table.getByRole('row').filter({ hasText: SECOND }).getByRole('cell', { name: 'Sub-national' }).count()).toBe(1);
    await expectAccessible('authorities-en');

    // Back to the demo with the header select: its scores come back.
    await authority.selectOption({ label: DEMO });
    await goTo(page, 'Overview');
    await page.getByRole('heading', { level: 1, name: `Overview: ${DEMO}` }).waitFor();
    expect(await overall().textContent()).toBe('53.7');

    // To the new one: no assessment yet, an empty register.
    await authority.selectOption({ label: SECOND });
    await page.getByRole('main').getByText('This authority has no assessment yet').waitFor();
    expect(await header().getByLabel('Assessment', { exact: true }).isDisabled()).toBe(true);
    await goTo(page, 'Register');
    await page.getByRole('heading', { level: 1, name: `Control register: ${SECOND}` }).waitFor();
    await expect.poll(() => page.getByTestId('register-count').textContent()).toBe('0 of 0 controls');

    // Its first assessment, from Lifecycle: the title is required and named; an empty register scores 0.
    await goTo(page, 'Lifecycle');
    await page.getByRole('heading', { level: 1, name: `Lifecycle: ${SECOND}` }).waitFor();
    await page.getByRole('button', { name: 'New assessment' }).click();
    const create = page.getByRole('dialog', { name: 'New assessment' });
    await create.getByRole('button', { name: 'Create assessment' }).click();
    await create.getByText('Title: enter a title.').waitFor();
    await create.getByLabel('Title').fill('Lusaria baseline');
    await create.getByRole('button', { name: 'Create assessment' }).click();
    await create.waitFor({ state: 'hidden' });
    await expect.poll(() => selectedLabel(header().getByLabel('Assessment', { exact: true }))).toMatch(/^Lusaria baseline · .* · Draft$/);
    await goTo(page, 'Overview');
    await page.getByRole('heading', { level: 1, name: `Overview: ${SECOND}` }).waitFor();
    expect(await overall().textContent()).toBe('0.0');
    expect(await page.getByTestId('flag-counts').textContent()).toMatch(/Critical\s*[1-9]/);

    // And back again.
    await goTo(page, 'Register');
    await authority.selectOption({ label: DEMO });
    await page.getByRole('heading', { level: 1, name: `Control register: ${DEMO}` }).waitFor();
    await expect.poll(() => page.getByTestId('register-count').textContent()).toBe('32 of 32 controls');
    // The demo's own assessment is selected again.
    await expect.poll(() => selectedLabel(header().getByLabel('Assessment', { exact: true }))).toMatch(/^2026 self-assessment · .* · Draft$/);
  });

  it('records where Overview and Gaps start: the missing core family is flagged', async () => {
    await goTo(page, 'Overview');
    await overall().waitFor();
    before.overall = parseShown(await overall().textContent());
    before.counts = await flagCounts(page.getByTestId('flag-counts'));
    before.radar = await radarMaturityPath(page);
    before.maturity74 = await criteriaTableMaturity('7.4');
    expect(before.overall).toBe(53.7);
    expect(before.counts).toEqual({ Critical: 2, High: 7, Medium: 10, Low: 5 });
    expect(before.maturity74).toBe('2');
    expect(before.radar).toMatch(/^M/);

    await goTo(page, 'Gaps');
    await page.getByRole('heading', { level: 1, name: 'Gaps and flags' }).waitFor();
    const flags = await gapsFlags();
    expect(flags).toContain('Missing core family: Integrity focal point');
    expect(flags.some((f) => f.startsWith('Criterion below target: Art. 7.4'))).toBe(true);
    expect(flags.length + (await groupedControlFlags())).toBe(Object.values(before.counts).reduce((a, b) => a + b, 0));
    // A group of control flags opens on demand and lists exactly its count.
    const group = page.locator('details.flag-group').first();
    const groupCount = Number(await group.getAttribute('data-count'));
    await group.locator('summary').click();
    await group.getByRole('article').first().waitFor();
    expect(await group.getByRole('article').count()).toBe(Math.min(groupCount, 50));
  });

  it('adds a control (a missing title is named), opens it and attaches evidence whose SHA-256 is the file’s', async () => {
    await goTo(page, 'Register');
    await page.getByRole('heading', { level: 1, name: `Control register: ${DEMO}` }).waitFor();
    const add = page.getByRole('dialog', { name: 'Add control' });
    // Escape closes the dialog, as users of a modal expect.
    await page.getByRole('button', { name: 'Add control' }).click();
    await add.waitFor();
    await page.keyboard.press('Escape');
    await add.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Add control' }).click();
    await add.getByLabel('Family', { exact: true }).selectOption({ label: 'Integrity focal point (core)' });
    await add.getByLabel('Stated maturity').selectOption('3');
    await add.getByLabel('Owner').fill('Director');

    // Submitted without a title: refused, the message names the field, focus goes to it.
    await add.getByRole('button', { name: 'Add control' }).click();
    const title = add.getByRole('textbox', { name: 'Title', exact: true });
    await add.getByText('Title: a title is required.').waitFor();
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate('document.activeElement?.id')).toBe(await title.getAttribute('id'));
    await expectAccessible('register-add-invalid-en');

    await title.fill(FOCAL);
    await add.getByRole('button', { name: 'Add control' }).click();
    await add.waitFor({ state: 'hidden' });

    // The new control opens, ready for its evidence.
    const detail = page.getByRole('dialog', { name: `Control: ${FOCAL}` });
    await detail.waitFor();
    const evidence = detail.getByRole('region', { name: 'Evidence' });
    await evidence.getByText('No evidence recorded for this control.').waitFor();
    await evidence.getByRole('textbox', { name: 'Title', exact: true }).fill(EVIDENCE);
    await evidence.getByLabel('Date', { exact: true }).fill(EVIDENCE_DATE);
    await evidence.getByLabel('File (optional)').setInputFiles({ name: 'appointment-decision.txt', mimeType: 'text/plain', buffer: FILE_BYTES });
    await evidence.getByText('Chosen: appointment-decision.txt').waitFor();
    await evidence.getByRole('button', { name: 'Add evidence' }).click();

    const row = evidence.getByRole('row').filter({ has: page.getByRole('rowheader', { name: EVIDENCE }) });
    await row.waitFor();
    const expected = createHash('sha256').update(FILE_BYTES).digest('hex');
    const sha = row.getByTestId('evidence-sha256');
    // Shown as the first 16 hex digits and an ellipsis, the rest kept for screen readers; the full value as the tooltip.
    expect((await sha.textContent())?.replace('…', '')).toBe(expected);
    expect(await sha.getAttribute('title')).toBe(expected);
    expect(await row.getByRole('cell', { name: 'appointment-decision.txt', exact: true }).count()).toBe(1);
    expect(await row.getByText('Valid', { exact: true }).count()).toBe(1);
    // Stated 3 and, with current evidence, effective 3.
    await expect.poll(() => detail.getByRole('definition').nth(1).textContent()).toBe('3 Implemented');
    expect(await detail.getByRole('definition').first().textContent()).toBe('3 Implemented');
    await expectAccessible('register-detail-en');

    // The stored file comes back byte for byte.
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Download appointment-decision.txt' }).click()]);
    expect(download.suggestedFilename()).toBe('appointment-decision.txt');
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
    expect(createHash('sha256').update(Buffer.concat(chunks)).digest('hex')).toBe(expected);

    await detail.getByRole('button', { name: 'Close' }).click();
    await detail.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('register-count').textContent()).toBe('33 of 33 controls');
    await page.getByRole('searchbox', { name: 'Search' }).fill('focal point');
    await expect.poll(() => page.getByTestId('register-count').textContent()).toBe('1 of 33 controls');
    const listed = page.getByRole('region', { name: 'Controls table' }).getByRole('row').filter({ has: page.getByRole('button', { name: FOCAL }) });
    expect(await listed.getByText('Current', { exact: true }).count()).toBe(1);
    await expectAccessible('register-en');
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('raises a maturity: the score, the radar, the criteria table and the flags change', async () => {
    // The declaration of interests (conflict of interest) is the weakest facet left for 7.4.
    await page.getByRole('searchbox', { name: 'Search' }).fill('declaration of interests');
    await page.getByRole('button', { name: DECLARATION }).click();
    const detail = page.getByRole('dialog', { name: `Control: ${DECLARATION}` });
    await detail.getByLabel('Stated maturity').selectOption('3');
    await detail.getByRole('button', { name: 'Save changes' }).click();
    await detail.getByRole('status').filter({ hasText: `Control “${DECLARATION}” saved.` }).waitFor();
    await detail.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await goTo(page, 'Overview');
    await expect.poll(async () => parseShown(await overall().textContent())).toBeGreaterThan(before.overall!);
    // The figure is the one PI-1 gives, not one the page made up.
    const detailAnswer = await apiFromPage<{ result: { overall: { score: number }; flagCounts: Record<string, number> } }>(page, 'assessments.get', { id: DEMO_CURRENT_ID });
    if (!detailAnswer.ok) throw new Error(detailAnswer.error.message);
    expect(parseShown(await overall().textContent())).toBe(detailAnswer.value.result.overall.score);

    const counts = await flagCounts(page.getByTestId('flag-counts'));
    expect(counts).not.toEqual(before.counts);
    expect(counts.Critical).toBeLessThan(before.counts!.Critical!);
    expect(counts).toEqual({
      Critical: detailAnswer.value.result.flagCounts.critical,
      High: detailAnswer.value.result.flagCounts.high,
      Medium: detailAnswer.value.result.flagCounts.medium,
      Low: detailAnswer.value.result.flagCounts.low,
    });
    expect(await criteriaTableMaturity('7.4')).toBe('3');
    const radar = await radarMaturityPath(page);
    expect(radar).toMatch(/^M/);
    expect(radar).not.toBe(before.radar);

    await goTo(page, 'Gaps');
    const flags = await gapsFlags();
    expect(flags.some((f) => f.startsWith('Missing core family'))).toBe(false);
    expect(flags.some((f) => f.startsWith('Criterion below target: Art. 7.4'))).toBe(false);
    expect(flags.length + (await groupedControlFlags())).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    await expectAccessible('gaps-en');

    // A criterion's flag leads to that criterion in the assessment, with focus on it.
    await page.getByRole('link', { name: 'Open criterion 12.2(c) in the assessment' }).click();
    const heading = page.getByTestId('criterion-card').getByRole('heading', { level: 2 });
    await expect.poll(() => heading.textContent()).toBe('Art. 12.2(c) Transparency of private entities and their owners');
    await expect.poll(async () => page.evaluate('document.activeElement?.id')).toBe(await heading.getAttribute('id'));
  });

  it('overrides a criterion only with a justification; the final maturity and the score change', async () => {
    await goTo(page, 'Overview');
    const start = parseShown(await overall().textContent());
    await goTo(page, 'Assessment');
    await page.getByRole('heading', { level: 1, name: 'Self-assessment, criterion by criterion' }).waitFor();
    await page.getByRole('navigation', { name: 'Criteria' }).getByRole('button', { name: /^Art\. 7\.1\(a\) Merit-based recruitment/ }).click();
    const card = page.getByTestId('criterion-card');
    await card.getByRole('heading', { level: 2, name: 'Art. 7.1(a) Merit-based recruitment and promotion' }).waitFor();
    expect(await card.getByTestId('final-maturity').textContent()).toBe('2 Documented');
    expect(await card.getByTestId('meets-target').textContent()).toContain('Below the target of 3');

    const form = card.getByRole('form', { name: 'Override' });
    await form.getByLabel('Overriding maturity').selectOption('3');
    await form.getByRole('button', { name: 'Save override' }).click();
    // Refused before anything is sent; the error names the field and is tied to it.
    const error = form.getByRole('alert');
    expect(await error.textContent()).toBe('Justification: a written justification is required.');
    const justification = form.getByLabel('Justification');
    expect(await justification.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate('document.activeElement?.id')).toBe(await justification.getAttribute('id'));
    expect(await card.getByTestId('override-maturity').textContent()).toBe('none');
    // The register refuses it too.
    const refused = await apiFromPage(page, 'assessments.setOverride', { id: DEMO_CURRENT_ID, criterionId: '7.1(a)', override: { maturity: 3, justification: ' ' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect([refused.error.code, refused.error.message]).toEqual(['invalid_input', expect.stringMatching(/justification/)]);

    await justification.fill('The 2026 recruitment round used a published, competitive procedure for every technical post (HR file 26/4).');
    await form.getByRole('button', { name: 'Save override' }).click();
    await expect.poll(() => card.getByTestId('final-maturity').textContent()).toBe('3 Implemented');
    expect(await card.getByTestId('derived-maturity').textContent()).toBe('2 Documented');
    expect(await card.getByTestId('override-maturity').textContent()).toBe('3 Implemented');
    expect(await card.getByTestId('meets-target').textContent()).toContain('Meets the target of 3');
    expect(await card.getByText('The assessor overrode the derived maturity (2 Documented) with 3 Implemented:').count()).toBe(1);
    await expect.poll(async () => parseShown(/overall score ([\d.]+) \/ 100/.exec((await page.getByTestId('assessment-scores').textContent()) ?? '')?.[1] ?? null)).toBeGreaterThan(start);
    await expectAccessible('assessment-en');

    await goTo(page, 'Overview');
    await expect.poll(async () => parseShown(await overall().textContent())).toBeGreaterThan(start);
    expect(await criteriaTableMaturity('7.1(a)')).toBe('3');
    await radarMaturityPath(page);
    await expectAccessible('overview-after-changes-en');
  });

  it('sets likelihood and impact of a chain cell; inherent, residual and band follow', async () => {
    await goTo(page, 'Chain risk');
    await page.getByRole('heading', { level: 1, name: 'Permit-chain risk' }).waitFor();
    const cellName = 'Application intake × Abuse of functions';
    const cell = page.getByTestId('chain-cell-application_intake-abuse_of_functions');
    const inherent = cell.getByTestId('chain-cell-application_intake-abuse_of_functions-inherent');
    const residual = cell.getByTestId('chain-cell-application_intake-abuse_of_functions-residual');
    const band = cell.getByTestId('chain-cell-application_intake-abuse_of_functions-band');
    const likelihood = page.getByLabel(`Likelihood: ${cellName}`);
    const impact = page.getByLabel(`Impact: ${cellName}`);
    // Inherent risk is likelihood × impact.
    const impactBefore = Number(await impact.inputValue());
    expect(Number(await inherent.textContent())).toBe(Number(await likelihood.inputValue()) * impactBefore);
    const residualBefore = parseShown(await residual.textContent());
    const bandBefore = await band.textContent();

    // The legend's bands: low under 5, medium under 10, high under 15, critical from 15.
    const legendBand = (value: number) => (value < 5 ? 'Low' : value < 10 ? 'Medium' : value < 15 ? 'High' : 'Critical');
    expect(bandBefore).toBe(legendBand(residualBefore));

    // Riskier: inherent and residual rise.
    await likelihood.selectOption('5');
    await expect.poll(() => inherent.textContent()).toBe(String(5 * impactBefore));
    await impact.selectOption('5');
    await expect.poll(() => inherent.textContent()).toBe('25');
    const residualHigh = parseShown(await residual.textContent());
    expect(residualHigh).toBeGreaterThan(residualBefore);
    expect(residualHigh).toBeLessThanOrEqual(25);
    expect(await band.textContent()).toBe(legendBand(residualHigh));

    // Hardly any risk: the band falls to low.
    await likelihood.selectOption('1');
    await impact.selectOption('2');
    await expect.poll(() => inherent.textContent()).toBe('2');
    await expect.poll(async () => parseShown(await residual.textContent())).toBeLessThan(residualBefore);
    const residualAfter = parseShown(await residual.textContent());
    expect(await band.textContent()).toBe('Low');
    expect(bandBefore).not.toBe('Low');
    expect(await likelihood.isEnabled()).toBe(true);
    await expectAccessible('chain-en');

    // The overview's heat map reads the same result.
    await goTo(page, 'Overview');
    const heat = page.getByRole('table', { name: 'Permit-chain risk: inherent → residual' });
    const intake = heat.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Application intake' }) });
    expect(await intake.getByRole('cell').nth(2).textContent()).toBe(`2 → ${residualAfter.toFixed(1)}Low`);
  });

  it('verifies the audit trail: intact, and the changes made above are in it', async () => {
    await goTo(page, 'Audit log');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('button', { name: 'Verify audit trail' }).click();
    await expect.poll(() => page.getByTestId('verify-status').textContent()).toMatch(/^✓ Intact: \d+ rows, every hash and link verified\.$/);
    // Every row loaded was checked.
    const checked = /Intact: (\d+) rows/.exec((await page.getByTestId('verify-status').textContent()) ?? '')?.[1];
    await page.getByText(`${checked} entries loaded.`).waitFor();
    expect(Number(checked)).toBeGreaterThanOrEqual(8);
    expect(await page.getByTestId('verify-alert').count()).toBe(0);
    await page.getByLabel('Filter entries').fill('HR file 26/4');
    const rows = page.getByTestId('audit-table').getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    expect(await rows.nth(1).getByRole('cell').allTextContents()).toEqual(expect.arrayContaining([ACTOR, 'Update', 'Criterion', 'override']));
    await page.getByLabel('Filter entries').fill('');
    await expectAccessible('audit-en');
  });

  it('does not show one authority’s lock result on another authority’s Lifecycle screen', async () => {
    const authority = header().getByLabel('Authority', { exact: true });
    await authority.selectOption({ label: SECOND });
    await goTo(page, 'Lifecycle');
    await page.getByRole('heading', { level: 1, name: `Lifecycle: ${SECOND}` }).waitFor();
    await page.getByRole('button', { name: 'Submit: Lusaria baseline' }).click();
    await page.getByRole('button', { name: 'Mark reviewed: Lusaria baseline' }).waitFor();
    // The four-eyes rule: a named person other than the submitter reviews and locks.
    expect(await apiFromPage(page, 'settings.set', { actor: 'Rui Reviewer' })).toMatchObject({ ok: true });
    await page.getByRole('button', { name: 'Mark reviewed: Lusaria baseline' }).click();
    await page.getByRole('button', { name: 'Lock: Lusaria baseline' }).click();
    await page.getByRole('dialog', { name: 'Lock “Lusaria baseline”' }).getByRole('button', { name: 'Lock permanently' }).click();
    await page.getByTestId('lock-result').getByRole('heading', { name: '“Lusaria baseline” is locked' }).waitFor();

    // Another authority, same screen: the panel about Lusaria's lock must go.
    await authority.selectOption({ label: DEMO });
    await page.getByRole('heading', { level: 1, name: `Lifecycle: ${DEMO}` }).waitFor();
    await screenshot(page, 'lifecycle-after-authority-switch-en');
    await expect.poll(() => page.getByTestId('lock-result').count(), { message: 'the “Lusaria baseline is locked” panel (with its digest) is still shown under the demo authority' }).toBe(0);
  });

  it('raised no console or page error', () => {
    expect(session.errors).toEqual([]);
  });
});
