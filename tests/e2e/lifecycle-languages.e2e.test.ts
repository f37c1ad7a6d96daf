import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useSession, type Session } from './support/session.js';
import { apiFromPage, escapeRegExp, goTo, parseShown, radarMaturityPath, selectedLabel } from './support/ui.js';

/**
 * The demo's 2026 self-assessment through its lifecycle (submit, review, lock,
 * read-only, clone, compare), then the app in French and Spanish, and a reload.
 */

const DEMO = 'Veridia CITES Management Authority (demo)';
const CURRENT = '2026 self-assessment';
const CLONE = '2026 self-assessment (re-assessment)';
const SPANISH_CONTROL = 'Registro de regalos en el puerto de Veridia';
const HEX64 = /^[0-9a-f]{64}$/;

let session: Session;
let page: Page;
useSession((opened) => {
  session = opened;
  page = opened.page;
});

const banner = () => page.getByRole('banner');
/** The row of one assessment in the Lifecycle table, by its exact title. */
/** The row of one assessment in the Lifecycle table: its text starts with the title (and not with a longer title such as the clone's). */
const lifecycleRow = (title: string) => page.getByRole('row').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(title)}(?! \\()`) });
const statusOf = async (row: Locator) => ((await row.getByRole('cell').nth(1).textContent()) ?? '').trim();

async function expectAccessible(name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}

/** A language tour visits every screen and runs axe on each: on a loaded 2-core machine that outlasts the default minute. */
const TOUR_TIMEOUT = 180_000;

/** Every screen through the navigation, in the current language: a level-1 heading, a screenshot `<screen>-<lang>.png`, no serious axe violation. */
async function everyScreen(language: string, links: string[]): Promise<void> {
  for (const link of links) {
    await goTo(page, link);
    const screen = new URL(page.url()).hash.replace(/^#\/?/, '');
    // The screen's own heading comes first (the Reports preview holds the report's own title too).
    await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
    if (screen === 'reports') await page.locator('.pi-report').first().waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe(language);
    if (screen === 'overview') await radarMaturityPath(page);
    await screenshot(page, `${screen}-${language}`);
    expect(await seriousViolations(page), `axe-core on ${screen} in ${language}`).toEqual([]);
  }
}

const FRENCH_LINKS = ["Vue d'ensemble", 'Registre', 'Évaluation', 'Risque de la chaîne', 'Lacunes', 'Actions', 'Calendrier', 'Données de permis', 'Rapports', 'Cycle de vie', "Journal d'audit", 'Organes et paramètres', 'Portefeuille'];
const SPANISH_LINKS = ['Resumen', 'Registro', 'Evaluación', 'Riesgo de la cadena', 'Brechas', 'Acciones', 'Calendario', 'Datos de permisos', 'Informes', 'Ciclo de vida', 'Pista de auditoría', 'Autoridades y ajustes', 'Cartera'];

const state: { lockedId?: number; cloneId?: number; digest?: string; lockedOverall?: string; cloneOverall?: string } = {};

describe('Lifecycle and languages in a real browser', () => {
  it('submits, reviews and locks the 2026 self-assessment; the 64-hex digest is shown', async () => {
    await goTo(page, 'Lifecycle');
    await page.getByRole('heading', { level: 1, name: `Lifecycle: ${DEMO}` }).waitFor();
    const row = lifecycleRow(CURRENT);
    state.lockedId = Number((await row.getAttribute('data-testid'))?.replace('assessment-row-', ''));
    expect(state.lockedId).toBeGreaterThan(0);
    expect(await statusOf(row)).toBe('Draft');
    expect(await row.getByRole('button', { name: `Lock: ${CURRENT}` }).count()).toBe(0);

    // No name is set yet: the app asks for one before the first step, since the log records who took it.
    await row.getByRole('button', { name: `Submit: ${CURRENT}` }).click();
    const who = page.getByRole('dialog', { name: 'Who are you?' });
    await who.getByLabel('Your name').fill('Ana Assessor');
    await who.getByRole('button', { name: 'Save and submit' }).click();
    await expect.poll(() => statusOf(row)).toBe('Submitted');
    // Back to draft: only with a reason, named in the message.
    await row.getByRole('button', { name: `Return to draft: ${CURRENT}` }).click();
    const back = page.getByRole('dialog', { name: `Return “${CURRENT}” to draft` });
    await back.getByRole('button', { name: 'Return to draft' }).click();
    await back.getByText('Reason: explain why the assessment goes back to draft.').waitFor();
    await back.getByLabel('Reason').fill('The reviewer asks for the 2026 vetting log.');
    await back.getByRole('button', { name: 'Return to draft' }).click();
    await back.waitFor({ state: 'hidden' });
    await expect.poll(() => statusOf(row)).toBe('Draft');
    await row.getByRole('button', { name: `Submit: ${CURRENT}` }).click();
    await expect.poll(() => statusOf(row)).toBe('Submitted');
    // The four-eyes rule: a named person other than the submitter reviews and locks.
    expect(await apiFromPage(page, 'settings.set', { actor: 'Rui Reviewer' })).toMatchObject({ ok: true });
    await row.getByRole('button', { name: `Mark reviewed: ${CURRENT}` }).click();
    await expect.poll(() => statusOf(row)).toBe('Reviewed');

    await row.getByRole('button', { name: `Lock: ${CURRENT}` }).click();
    const dialog = page.getByRole('dialog', { name: `Lock “${CURRENT}”` });
    await dialog.getByText('This cannot be undone.').waitFor();
    await expectAccessible('lifecycle-lock-dialog-en');
    await dialog.getByRole('button', { name: 'Lock permanently' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const result = page.getByTestId('lock-result');
    await result.getByRole('heading', { name: `“${CURRENT}” is locked` }).waitFor();
    const digest = ((await result.getByTestId('digest').textContent()) ?? '').trim();
    expect(digest).toMatch(HEX64);
    state.digest = digest;
    await expect.poll(() => statusOf(row)).toBe('Locked');
    expect((await row.getByTestId('digest').textContent())?.trim()).toBe(digest);
    // Nothing moves a locked assessment any more: only cloning is offered.
    for (const action of ['Submit', 'Mark reviewed', 'Lock', 'Return to draft']) expect(await row.getByRole('button', { name: `${action}: ${CURRENT}` }).count()).toBe(0);
    expect(await row.getByRole('button', { name: `Clone to re-assess: ${CURRENT}` }).count()).toBe(1);
    state.lockedOverall = ((await row.getByTestId('overall').textContent()) ?? '').trim();
    expect(state.lockedOverall).toBe('53.7');
    await expectAccessible('lifecycle-en');

    await goTo(page, 'Overview');
    await page.getByRole('main').getByText(`SHA-256 ${digest}`).waitFor();
  });

  it('refuses to edit the locked assessment: inputs disabled, a notice says why, and the server says no', async () => {
    await goTo(page, 'Assessment');
    await page.getByRole('heading', { level: 1, name: 'Self-assessment, criterion by criterion' }).waitFor();
    const notice = page.getByRole('note');
    expect(await notice.textContent()).toBe('This assessment is locked and can no longer change. Clone it under “Lifecycle” to re-assess.');
    const card = page.getByTestId('criterion-card');
    const override = card.getByRole('form', { name: 'Override' });
    expect(await override.getByLabel('Overriding maturity').isDisabled()).toBe(true);
    expect(await override.getByLabel('Justification').isDisabled()).toBe(true);
    expect(await override.getByRole('button', { name: 'Save override' }).isDisabled()).toBe(true);
    const applicability = card.getByRole('form', { name: 'Applicability' });
    expect(await applicability.getByRole('radio', { name: 'Applicable', exact: true }).isDisabled()).toBe(true);
    expect(await card.getByLabel(/^Notes on /).isDisabled()).toBe(true);
    await expectAccessible('assessment-locked-en');

    await goTo(page, 'Chain risk');
    await page.getByRole('heading', { level: 1, name: 'Permit-chain risk' }).waitFor();
    expect(await page.getByRole('note').textContent()).toContain('This assessment is locked');
    const grid = page.getByRole('table', { name: /^Likelihood and impact of each permit-chain stage/ });
    const selects = grid.getByRole('combobox');
    expect(await selects.count()).toBe(8 * 7 * 2);
    expect(await grid.locator('select:enabled').count()).toBe(0);
    await expectAccessible('chain-locked-en');

    // Straight to the API, as a script in the page could: refused with code "locked".
    const refused = await apiFromPage(page, 'assessments.setOverride', { id: state.lockedId, criterionId: '7.1(a)', override: { maturity: 4, justification: 'Trying to change a locked assessment.' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('locked');
    const chain = await apiFromPage(page, 'assessments.setChainCell', { id: state.lockedId, cell: { stage: 'application_intake', riskType: 'bribery', likelihood: 1, impact: 1 } });
    expect(chain.ok).toBe(false);
    if (!chain.ok) expect(chain.error.code).toBe('locked');
    const after = await apiFromPage<{ assessment: { digest: string }; result: { criteria: Array<{ id: string; final: number }> } }>(page, 'assessments.get', { id: state.lockedId });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.assessment.digest).toBe(state.digest);
    expect(after.value.result.criteria.find((c) => c.id === '7.1(a)')?.final).toBe(2);
  });

  it('clones the locked assessment into a draft, edits the clone and compares the two', async () => {
    await goTo(page, 'Lifecycle');
    await lifecycleRow(CURRENT).getByRole('button', { name: `Clone to re-assess: ${CURRENT}` }).click();
    const dialog = page.getByRole('dialog', { name: `Clone “${CURRENT}”` });
    expect(await dialog.getByLabel('Title').inputValue()).toBe(CLONE);
    // Same as-of date as the locked one (the default is today), so the comparison does not depend on the day the test runs.
    await dialog.getByLabel('As-of date').fill('2026-10-31');
    await dialog.getByRole('button', { name: 'Create the clone' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = lifecycleRow(CLONE);
    await expect.poll(() => statusOf(row)).toBe('Draft');
    state.cloneId = Number((await row.getAttribute('data-testid'))?.replace('assessment-row-', ''));
    expect(state.cloneId).toBeGreaterThan(state.lockedId!);
    await row.getByText('Selected').waitFor();
    expect(await selectedLabel(banner().getByLabel('Assessment', { exact: true }))).toMatch(new RegExp(`^${escapeRegExp(CLONE)} · .* · Draft$`));

    // The clone is a draft: it can be edited where the locked one could not.
    await goTo(page, 'Assessment');
    expect(await page.getByRole('note').count()).toBe(0);
    await page.getByRole('navigation', { name: 'Criteria' }).getByRole('button', { name: /^Art\. 12\.2\(b\) / }).click();
    const card = page.getByTestId('criterion-card');
    await card.getByRole('heading', { level: 2, name: /^Art\. 12\.2\(b\) / }).waitFor();
    const override = card.getByRole('form', { name: 'Override' });
    await override.getByLabel('Overriding maturity').selectOption('2');
    await override.getByLabel('Justification').fill('Registered nurseries signed the 2026 code of conduct; the signed copies are on file.');
    await override.getByRole('button', { name: 'Save override' }).click();
    await expect.poll(() => card.getByTestId('final-maturity').textContent()).toBe('2 Documented');

    await goTo(page, 'Lifecycle');
    state.cloneOverall = ((await row.getByTestId('overall').textContent()) ?? '').trim();
    expect(parseShown(state.cloneOverall)).toBeGreaterThan(parseShown(state.lockedOverall!));
    await page.getByLabel('From', { exact: true }).selectOption(String(state.lockedId));
    await page.getByLabel('To', { exact: true }).selectOption(String(state.cloneId));
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const compared = page.getByTestId('compare-result');
    await compared.getByRole('heading', { name: `From “${CURRENT}” to “${CLONE}”` }).waitFor();
    const overall = compared.getByTestId('compare-overall').getByRole('cell');
    expect(await overall.nth(0).textContent()).toBe(state.lockedOverall);
    expect(await overall.nth(1).textContent()).toBe(state.cloneOverall);
    expect(await overall.nth(2).textContent()).toMatch(/^\+\d+\.\d$/);
    const criterion = compared.getByTestId('compare-criteria').getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Art\. 12\.2\(b\) / }) });
    expect(await criterion.getByRole('cell').allTextContents()).toEqual(['1', '2', '+1']);
    await expectAccessible('lifecycle-compare-en');
  });

  // French headings and sentences carry non-breaking spaces before ":" and inside « » (docs/languages.md).
  it('switches to French: navigation, headings, library text, numbers and dates in French', async () => {
    await banner().getByLabel('Language', { exact: true }).selectOption('fr');
    await page.getByRole('navigation').getByRole('link', { name: "Vue d'ensemble", exact: true }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('fr');
    expect(await page.getByRole('navigation').first().getByRole('link').allTextContents()).toEqual(FRENCH_LINKS);
    // Still on Lifecycle: the table in French, with French numbers and dates.
    await page.getByRole('heading', { level: 1, name: `Cycle de vie\u00a0: ${DEMO}` }).waitFor();
    const baseline = lifecycleRow('2025 baseline');
    expect(await baseline.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['31 oct. 2025', 'Verrouillée', '44,4']));
    expect(await lifecycleRow(CURRENT).getByTestId('overall').textContent()).toBe('53,7');
    await goTo(page, "Vue d'ensemble");
    await page.getByRole('heading', { level: 1, name: `Vue d'ensemble\u00a0: ${DEMO}` }).waitFor();
    expect(await page.getByTestId('overall-score').textContent()).toBe(state.cloneOverall!.replace('.', ','));
    expect(await page.getByTestId('coverage').textContent()).toMatch(/^\d+,\d %$/);
    expect(await page.getByRole('cell', { name: 'Art. 7.1(a) Recrutement et promotion fondés sur le mérite', exact: true }).count()).toBe(1);
    expect(await page.getByTestId('flag-counts').textContent()).toMatch(/Critique\s*\d+.*Élevée\s*\d+.*Moyenne\s*\d+.*Faible\s*\d+/);
    expect(await page.evaluate('document.title')).toBe("Vue d'ensemble · Permit Integrity");

    await goTo(page, 'Évaluation');
    await page.getByRole('heading', { level: 1, name: 'Auto-évaluation, critère par critère' }).waitFor();
    await page.getByRole('navigation', { name: 'Critères' }).getByRole('button', { name: /^Art\. 7\.1\(a\) / }).click();
    const card = page.getByTestId('criterion-card');
    await card.getByRole('heading', { level: 2, name: 'Art. 7.1(a) Recrutement et promotion fondés sur le mérite' }).waitFor();
    expect(await card.getByTestId('final-maturity').textContent()).toBe('2 Documentée');
    expect(await card.getByText(/^Le texte du traité est affiché dans sa version anglaise, l'une des six versions de la Convention qui font également foi \(art\. 71\)/).count()).toBe(1);

    await goTo(page, 'Lacunes');
    await page.getByRole('heading', { level: 1, name: 'Lacunes et alertes' }).waitFor();
    const flags = page.getByRole('list', { name: "Alertes, les plus graves d'abord" });
    await page.getByRole('button', { name: 'Déplier tous les groupes' }).click();
    await flags.locator('.flag-kind').getByText('Famille essentielle absente').first().waitFor();
    expect(await flags.getByText("L'organe de gestion n'a aucune mesure dans la famille essentielle «\u00a0Point focal pour l'intégrité\u00a0».").count()).toBe(1);
    await everyScreen('fr', FRENCH_LINKS);
  }, TOUR_TIMEOUT);

  it('switches to Spanish and adds a control there; the form names the field in Spanish', async () => {
    await banner().getByLabel('Langue', { exact: true }).selectOption('es');
    // Still on the screen the French tour ended on (the last in the navigation).
    await page.getByRole('heading', { level: 1, name: 'Cartera de autoridades' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('es');
    expect(await page.getByRole('navigation').first().getByRole('link').allTextContents()).toEqual(SPANISH_LINKS);

    await goTo(page, 'Resumen');
    await page.getByRole('heading', { level: 1, name: `Resumen: ${DEMO}` }).waitFor();
    expect(await page.getByTestId('overall-score').textContent()).toBe(state.cloneOverall!.replace('.', ','));
    expect(await page.getByRole('cell', { name: 'Art. 7.1(a) Contratación y promoción basadas en el mérito', exact: true }).count()).toBe(1);
    expect(await page.getByTestId('flag-counts').textContent()).toMatch(/Crítica\s*\d+.*Alta\s*\d+.*Media\s*\d+.*Baja\s*\d+/);

    await goTo(page, 'Evaluación');
    await page.getByRole('heading', { level: 1, name: 'Autoevaluación, criterio por criterio' }).waitFor();
    await page.getByRole('navigation', { name: 'Criterios' }).getByRole('button', { name: /^Art\. 7\.1\(a\) / }).click();
    const card = page.getByTestId('criterion-card');
    await card.getByRole('heading', { level: 2, name: 'Art. 7.1(a) Contratación y promoción basadas en el mérito' }).waitFor();
    expect(await card.getByTestId('final-maturity').textContent()).toBe('2 Documentada');

    await goTo(page, 'Ciclo de vida');
    await page.getByRole('heading', { level: 1, name: `Ciclo de vida: ${DEMO}` }).waitFor();
    expect(await lifecycleRow('2025 baseline').getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['31 oct 2025', 'Bloqueada', '44,4']));

    await goTo(page, 'Registro');
    await page.getByRole('button', { name: 'Añadir medida' }).click();
    const add = page.getByRole('dialog', { name: 'Añadir medida' });
    await add.getByRole('button', { name: 'Añadir la medida' }).click();
    await add.getByText('Título: el título es obligatorio.').waitFor();
    await add.getByRole('textbox', { name: 'Título', exact: true }).fill(SPANISH_CONTROL);
    await add.getByRole('button', { name: 'Añadir la medida' }).click();
    await add.waitFor({ state: 'hidden' });
    const detail = page.getByRole('dialog', { name: `Medida: ${SPANISH_CONTROL}` });
    await detail.waitFor();
    await detail.getByRole('button', { name: 'Cerrar', exact: true }).click();
    await detail.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('register-count').textContent()).toBe('Medidas mostradas: 33 de 33');
    await everyScreen('es', SPANISH_LINKS);
  }, TOUR_TIMEOUT);

  it('keeps the language and the data after a reload, and the register remembers the language', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('es');
    await page.getByRole('navigation').getByRole('link', { name: 'Resumen', exact: true }).waitFor();
    expect(await banner().getByLabel('Idioma', { exact: true }).inputValue()).toBe('es');
    expect(await selectedLabel(banner().getByLabel('Evaluación', { exact: true }))).toMatch(new RegExp(`^${escapeRegExp(CLONE)} · .* · Borrador$`));

    // The hash keeps the screen.
    await page.getByRole('heading', { level: 1, name: 'Cartera de autoridades' }).waitFor();
    // The control added before the reload is still listed.
    await goTo(page, 'Registro');
    await page.getByRole('heading', { level: 1, name: `Registro de medidas: ${DEMO}` }).waitFor();
    await page.getByRole('searchbox', { name: 'Buscar' }).fill('regalos en el puerto');
    await page.getByRole('region', { name: 'Tabla de medidas' }).getByRole('button', { name: SPANISH_CONTROL }).waitFor();

    await goTo(page, 'Ciclo de vida');
    const locked = lifecycleRow(CURRENT);
    await expect.poll(() => statusOf(locked)).toBe('Bloqueada');
    expect((await locked.getByTestId('digest').textContent())?.trim()).toBe(state.digest);
    expect(await statusOf(lifecycleRow(CLONE))).toBe('Borrador');

    // A new tab (no local storage) opened on the app's address starts in the language kept in the register.
    const context = await session.browser.newContext({ locale: 'en-GB' });
    try {
      const fresh = await context.newPage();
      await fresh.goto(session.app.url);
      await fresh.getByRole('heading', { level: 1, name: `Resumen: ${DEMO}` }).waitFor({ timeout: 10_000 });
      expect(await fresh.evaluate('document.documentElement.lang')).toBe('es');
    } finally {
      await context.close();
    }
  });

  it('raised no console or page error', () => {
    expect(session.errors).toEqual([]);
  });
});
