/**
 * Issue 10's new screens as each user meets them, in Chromium: the first run
 * (English and French), importing controls from a spreadsheet (English and
 * French), and a consultant's update and deletion (Spanish and English).
 * axe must find no violation of any impact on these screens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { screenshot } from './support/app.js';
import { allViolations } from './support/axe.js';
import { openSession, type Session } from './support/session.js';
import { apiFromPage, goTo } from './support/ui.js';

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') });

describe('first run', () => {
  it('EN: an empty register offers the three choices; the guided set-up creates the authority, a core control and the first draft', async () => {
    session = await openSession({ empty: true });
    const { page } = session;
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Welcome to Permit Integrity');
    for (const name of ['Set up my authority', 'Explore the demo']) expect(await page.getByRole('button', { name }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Import a package' }).getAttribute('href')).toBe('#/authorities');
    expect(await allViolations(page)).toEqual([]);
    await screenshot(page, 'first-run', { docs: true });

    await page.getByRole('button', { name: 'Set up my authority' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    expect(await page.getByText("Enter the authority's name.").count()).toBe(1);
    await page.getByLabel('Name of the Management Authority').fill('Testland CITES Management Authority');
    await page.getByLabel('Country').fill('Testland');
    await page.getByLabel('People working on the assessment').fill('Ana Ruiz\nLuis Gómez');
    await page.getByLabel('As-of date of the first assessment').fill('2026-10-31');
    expect(await allViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: /^Core family 1 of 5: / }).waitFor();
    await page.getByLabel('Your control for this family').fill('Vetting of permit officers');
    await page.getByLabel('Stated maturity').selectOption('2');
    expect(await allViolations(page)).toEqual([]);
    await screenshot(page, 'first-run-setup', { docs: true });
    for (let i = 0; i < 5; i += 1) await page.getByRole('button', { name: i < 4 ? 'Next' : 'Create the register' }).click();
    await page.getByRole('heading', { level: 1, name: /Testland CITES Management Authority/ }).waitFor();
    const authorities = await apiFromPage<Array<{ id: number; name: string }>>(page, 'authorities.list', {});
    expect(authorities.ok && authorities.value.map((a) => a.name)).toEqual(['Testland CITES Management Authority']);
    const controls = await apiFromPage<{ rows: Array<{ title: string; maturity: number }> }>(page, 'controls.list', { authorityId: 1, asOf: '2026-10-31' });
    expect(controls.ok && controls.value.rows.map((c) => [c.title, c.maturity])).toEqual([['Vetting of permit officers', 2]]);
    const settings = await apiFromPage<{ actor: string }>(page, 'settings.get', {});
    expect(settings.ok && settings.value.actor).toBe('Ana Ruiz');
    expect(session.errors).toEqual([]);
  });

  it('FR: « Découvrir la démonstration » loads the demo in one click', async () => {
    session = await openSession({ empty: true, locale: 'fr-FR' });
    const { page } = session;
    await page.getByRole('heading', { level: 1, name: 'Bienvenue dans Permit Integrity' }).waitFor();
    expect(await allViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Découvrir la démonstration' }).click();
    await page.getByRole('heading', { level: 1, name: /Veridia/ }).waitFor();
    expect(session.errors).toEqual([]);
  });
});

describe('importing controls from a spreadsheet', () => {
  for (const lang of ['en', 'fr'] as const) {
    const words = {
      en: { open: 'Import from a spreadsheet', file: 'Spreadsheet (CSV or XLSX)', apply: 'Import all rows', family: 'Family', rejected: 'Rejected', summary: '1 to create, 0 to update, 0 unchanged, 0 rejected.' },
      fr: { open: 'Importer depuis un tableur', file: 'Tableur (CSV ou XLSX)', apply: 'Importer toutes les lignes', family: 'Famille', rejected: 'Rejetée', summary: '1 à créer, 0 à mettre à jour, 0 inchangées, 0 rejetées.' },
    }[lang];
    it(`${lang.toUpperCase()}: the mapping is guessed, a bad row is named by its line and blocks the import, a good file imports`, async () => {
      session = await openSession({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
      const { page } = session;
      await goTo(page, lang === 'fr' ? 'Registre' : 'Register');
      const before = await page.getByTestId('register-count').textContent();
      await page.getByRole('button', { name: words.open }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(words.file).setInputFiles(csvFile('mesures.csv', 'Mesure;Famille;Maturité déclarée;Dernière revue\r\nRotation des agents;rotation;2;01/09/2026\r\nSans famille;jardinage;9;\r\n'));
      await dialog.getByTestId('import-summary').getByText(/1 rejected|1 rejetées/).waitFor();
      expect(await dialog.getByLabel(new RegExp(`^${words.family}`)).inputValue()).toBe('1');
      const bad = dialog.getByRole('row').filter({ hasText: words.rejected });
      expect(await bad.getByRole('cell').first().textContent()).toBe('3');
      expect(await bad.textContent()).toContain('unknown family "jardinage"');
      expect(await dialog.getByRole('button', { name: words.apply }).isDisabled()).toBe(true);
      expect(await allViolations(page)).toEqual([]);
      if (lang === 'en') await screenshot(page, 'import-controls', { docs: true });

      await dialog.getByLabel(words.file).setInputFiles(csvFile('mesures.csv', 'Mesure;Famille;Maturité déclarée;Dernière revue\r\nRotation des agents;rotation;2;01/09/2026\r\n'));
      await dialog.getByTestId('import-summary').getByText(words.summary).waitFor();
      await dialog.getByRole('button', { name: words.apply }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.waitForFunction(`document.querySelector('[data-testid="register-count"]')?.textContent !== ${JSON.stringify(before)}`);
      // The table holds only the rows in view (a short window at 1024×768): find the new one by searching.
      await page.getByLabel(lang === 'en' ? 'Search' : 'Rechercher', { exact: true }).fill('Rotation des agents');
      await expect.poll(() => page.getByRole('table').getByText('Rotation des agents').count()).toBe(1);
      expect(session.errors).toEqual([]);
    });
  }
});

describe("a consultant's upkeep", () => {
  it('ES: a newer package of the demo shows its diff, keeps the locked baseline, and updates', async () => {
    session = await openSession({ locale: 'es-ES' });
    const { page } = session;
    const exported = await apiFromPage<{ exportedAt: string; controls: Array<{ title: string }> }>(page, 'packages.export', { authorityId: 1 });
    if (!exported.ok) throw new Error(exported.error.message);
    const pkg = exported.value;
    pkg.exportedAt = '2027-01-15T10:00:00.000Z';
    pkg.controls[0]!.title = 'Título actualizado por la autoridad';
    await goTo(page, 'Autoridades y ajustes');
    await page.getByLabel('Importar un paquete (archivo JSON)').setInputFiles({ name: 'veridia.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pkg)) });
    const preview = page.getByTestId('update-preview');
    await preview.waitFor();
    expect(await preview.getByRole('row', { name: /Medidas/ }).getByRole('cell').nth(1).textContent()).toContain('Título actualizado por la autoridad');
    expect(await preview.getByTestId('locks-kept').textContent()).toContain('1 evaluación bloqueada que se tiene aquí queda exactamente igual: 2025 baseline');
    expect(await allViolations(page)).toEqual([]);
    await preview.getByRole('button', { name: /^Actualizar / }).click();
    await page.getByTestId('import-status').getByText(/actualizada; 1 evaluación bloqueada se conserva sin cambios/).waitFor();
    const list = await apiFromPage<Array<{ uid: string; status: string; digest: string | null }>>(page, 'assessments.list', { authorityId: 1 });
    expect(list.ok && list.value.find((a) => a.uid === 'demo-assessment-2025')?.status).toBe('locked');
    expect(session.errors).toEqual([]);
  });

  it('EN: deleting the demo asks for its name, writes a backup, and the register returns to the first-run choice', async () => {
    session = await openSession();
    const { page } = session;
    await goTo(page, 'Authorities & settings');
    await page.getByRole('button', { name: /^Delete Veridia/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Delete authority' }).click();
    await dialog.getByText('Type the name exactly as shown').waitFor();
    expect(await allViolations(page)).toEqual([]);
    await screenshot(page, 'delete-authority', { docs: true });
    const name = (await apiFromPage<Array<{ name: string }>>(page, 'authorities.list', {})) as { ok: true; value: Array<{ name: string }> };
    await dialog.getByLabel(/^Type “/).fill(name.value[0]!.name);
    await dialog.getByRole('button', { name: 'Delete authority' }).click();
    await page.getByText(/deleted\. Backup of the register as it was: .*backup/).waitFor();
    await goTo(page, 'Overview');
    await page.getByRole('heading', { level: 1, name: 'Welcome to Permit Integrity' }).waitFor();
    const audit = await apiFromPage<Array<{ action: string; entity: string }>>(page, 'audit.list', { limit: 1 });
    expect(audit.ok && audit.value[0]).toMatchObject({ action: 'delete', entity: 'authority' });
    expect(session.errors).toEqual([]);
  });
});
