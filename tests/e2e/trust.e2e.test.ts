/**
 * Issue 9 in the app, as each user meets it, in Chromium: the four-eyes rule
 * (asked for a name, refused, overridden with a reason that the audit log
 * shows; switched off only with a reason), the signing key (where it lives,
 * export with a warning, import of another key after a confirmation), and the
 * trust list (filled by a signed package; a newer package under another key
 * is stopped until the user has compared both keys and given a reason, on the
 * Authorities screen and in the folder import).
 *
 * The two packages come from two registers made with the command line, each
 * with its own key folder: the authority's (key A) exports the first; a second
 * register (key B) imports it, locks a re-assessment and exports the newer one.
 * axe must find no violation of any impact on these screens and dialogs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, newSecretKey, publicKeyOf } from '../../shared/signing/ed25519.js';
import { ROOT, screenshotOf } from './support/app.js';
import { allViolations } from './support/axe.js';
import { openSession, type Session } from './support/session.js';
import { apiFromPage, escapeRegExp, goTo } from './support/ui.js';

const DEMO = 'Veridia CITES Management Authority (demo)';
const CURRENT = '2026 self-assessment';
const SUBMITTER = 'Ana Ruiz';
const REVIEWER = 'Luis Gómez';

let work: string;
const made = { a: '', b: '', keyA: '', keyB: '' };

/** The built command line, with its signing keys in `keys`. */
function cli(keys: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'dist/cli/bin.cjs'), ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PERMIT_INTEGRITY_KEY_DIR: join(work, keys) } });
  if (run.status !== 0) throw new Error(`permit-integrity ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

const keyOf = (keys: string, db: string) => (JSON.parse(cli(keys, 'key', '--db', db, '--json')) as { fingerprint: string }).fingerprint;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pi-e2e-trust-'));
  // The authority: the demo, its 2026 self-assessment locked by two people, signed with key A.
  cli('keys-a', 'demo', '--db', 'a.sqlite');
  cli('keys-a', 'submit', '--db', 'a.sqlite', '--assessment', '2', '--actor', SUBMITTER);
  cli('keys-a', 'review', '--db', 'a.sqlite', '--assessment', '2', '--actor', REVIEWER);
  cli('keys-a', 'lock', '--db', 'a.sqlite', '--assessment', '2', '--actor', REVIEWER);
  cli('keys-a', 'export', '--db', 'a.sqlite', '--authority', '1', '--out', 'veridia-a.json');
  // Another register with key B takes the package over and locks a re-assessment.
  cli('keys-b', 'import', 'veridia-a.json', '--db', 'b.sqlite');
  cli('keys-b', 'clone', '--db', 'b.sqlite', '--assessment', '2', '--title', '2027 re-assessment', '--as-of', '2027-03-31');
  cli('keys-b', 'submit', '--db', 'b.sqlite', '--assessment', '3', '--actor', SUBMITTER);
  cli('keys-b', 'review', '--db', 'b.sqlite', '--assessment', '3', '--actor', REVIEWER);
  cli('keys-b', 'lock', '--db', 'b.sqlite', '--assessment', '3', '--actor', REVIEWER);
  cli('keys-b', 'export', '--db', 'b.sqlite', '--authority', '1', '--out', 'veridia-b.json');
  made.a = join(work, 'veridia-a.json');
  made.b = join(work, 'veridia-b.json');
  made.keyA = keyOf('keys-a', 'a.sqlite');
  made.keyB = keyOf('keys-b', 'b.sqlite');
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const packageFile = (path: string, name: string) => ({ name, mimeType: 'application/json', buffer: readFileSync(path) });
const lifecycleRow = (page: Page, title: string) => page.getByRole('row').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(title)}(?! \\()`) });
const statusOf = async (row: Locator) => ((await row.getByRole('cell').nth(1).textContent()) ?? '').trim();
/** What has the keyboard focus, described by its accessible label's source. */
const focused = (page: Page) => page.evaluate("(() => { const e = document.activeElement; return e ? (e.labels?.[0]?.textContent ?? e.textContent ?? '').trim() : '' })()");

describe('the four-eyes rule in the lifecycle', () => {
  it('EN: asks for a name first; the same name reviewing and locking is refused, said plainly, and overridden with a reason that the audit log shows', async () => {
    session = await openSession();
    const { page } = session;
    await goTo(page, 'Lifecycle');
    const row = lifecycleRow(page, CURRENT);
    await row.getByRole('button', { name: `Submit: ${CURRENT}` }).click();

    // No name yet: asked before the step, with the focus in the field.
    const who = page.getByRole('dialog', { name: 'Who are you?' });
    await who.waitFor();
    await expect.poll(() => focused(page)).toBe('Your name');
    await who.getByRole('button', { name: 'Save and submit' }).click();
    await who.getByText('Your name: enter the name the audit log should record.').waitFor();
    expect(await allViolations(page)).toEqual([]);
    await who.getByLabel('Your name', { exact: true }).fill(SUBMITTER);
    await who.getByRole('button', { name: 'Save and submit' }).click();
    await expect.poll(() => statusOf(row)).toBe('Submitted');
    expect(await apiFromPage(page, 'settings.get', {})).toMatchObject({ ok: true, value: { actor: SUBMITTER } });

    // The same person reviews: refused, and the dialog says who and why.
    await row.getByRole('button', { name: `Mark reviewed: ${CURRENT}` }).click();
    const refused = page.getByRole('dialog', { name: `“${CURRENT}” needs another reviewer` });
    await refused.waitFor();
    expect(await refused.textContent()).toContain(`${SUBMITTER} submitted this assessment, and you are working as ${SUBMITTER}. The register's four-eyes rule asks a second person to review it`);
    await expect.poll(() => focused(page)).toBe('Reason for the override');
    expect(await statusOf(row)).toBe('Submitted');
    expect(await allViolations(page)).toEqual([]);
    await screenshotOf(refused, 'four-eyes-override', { docs: true });
    await refused.getByRole('button', { name: 'Mark reviewed with override' }).click();
    await refused.getByText('Reason for the override: explain why the same person takes this step.').waitFor();
    expect(await statusOf(row)).toBe('Submitted');
    const reason = 'One-person integrity unit; the director approved this by letter on 12 December 2026.';
    await refused.getByLabel('Reason for the override').fill(reason);
    await refused.getByRole('button', { name: 'Mark reviewed with override' }).click();
    await refused.waitFor({ state: 'hidden' });
    await expect.poll(() => statusOf(row)).toBe('Reviewed');

    // Locking by the same person: refused after the lock confirmation, overridden the same way.
    await row.getByRole('button', { name: `Lock: ${CURRENT}` }).click();
    await page.getByRole('dialog', { name: `Lock “${CURRENT}”` }).getByRole('button', { name: 'Lock permanently' }).click();
    const lockRefused = page.getByRole('dialog', { name: `“${CURRENT}” needs another person to lock it` });
    await lockRefused.getByLabel('Reason for the override').fill(reason);
    await lockRefused.getByRole('button', { name: 'Lock with override' }).click();
    await page.getByTestId('lock-result').getByRole('heading', { name: `“${CURRENT}” is locked` }).waitFor();
    await expect.poll(() => statusOf(row)).toBe('Locked');

    await goTo(page, 'Audit log');
    const table = page.getByTestId('audit-table');
    await table.getByText(`${SUBMITTER} overrode the four-eyes rule to lock the assessment “${CURRENT}”, which ${SUBMITTER} submitted. Reason: ${reason}`).waitFor();
    await table.getByText(`${SUBMITTER} overrode the four-eyes rule to review the assessment “${CURRENT}”, which ${SUBMITTER} submitted. Reason: ${reason}`).waitFor();
    expect(await allViolations(page)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});

describe('the same in French and Spanish', () => {
  it('ES: el nombre se pide antes de presentar; la revisión por la misma persona se explica en español', async () => {
    session = await openSession({ locale: 'es-ES' });
    const { page } = session;
    await goTo(page, 'Ciclo de vida');
    const row = lifecycleRow(page, CURRENT);
    await row.getByRole('button', { name: `Presentar: ${CURRENT}` }).click();
    const who = page.getByRole('dialog', { name: '¿Quién es usted?' });
    await who.getByLabel('Su nombre', { exact: true }).fill(SUBMITTER);
    await who.getByRole('button', { name: 'Guardar y presentar' }).click();
    await expect.poll(() => statusOf(row)).toBe('Presentada');
    await row.getByRole('button', { name: `Marcar como revisada: ${CURRENT}` }).click();
    const refused = page.getByRole('dialog', { name: `«${CURRENT}» debe revisarla otra persona` });
    expect(await refused.textContent()).toContain(`${SUBMITTER} presentó esta evaluación, y usted trabaja con el nombre ${SUBMITTER}.`);
    await refused.getByLabel('Motivo de la excepción').fill('Unidad de una sola persona.');
    expect(await allViolations(page)).toEqual([]);
    await refused.getByRole('button', { name: 'Marcar como revisada con excepción' }).click();
    await expect.poll(() => statusOf(row)).toBe('Revisada');
    expect(session.errors).toEqual([]);
  });

  it('FR : le panneau de confiance et la désactivation de la règle, motif exigé', async () => {
    session = await openSession({ locale: 'fr-FR' });
    const { page } = session;
    await goTo(page, 'Organes et paramètres');
    const panel = page.getByTestId('trust-panel');
    await panel.getByRole('heading', { level: 2, name: 'Signatures, quatre yeux et confiance' }).waitFor();
    await panel.getByRole('button', { name: 'Désactiver la règle…' }).click();
    await panel.getByRole('button', { name: 'Désactiver la règle', exact: true }).click();
    await panel.getByText(/^Motif de la désactivation de la règle des quatre yeux\u00a0: expliquez/).waitFor();
    await panel.getByLabel('Motif de la désactivation de la règle des quatre yeux').fill('Cellule d’une seule personne.');
    await panel.getByRole('button', { name: 'Désactiver la règle', exact: true }).click();
    await expect.poll(() => panel.getByTestId('four-eyes-state').textContent()).toMatch(/^Désactivée/);
    expect(await panel.getByTestId('trust-list-empty').textContent()).toMatch(/^Aucune clé de confiance/);
    expect(await allViolations(page)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});

describe('Authorities & settings: the four-eyes switch and the signing key', () => {
  it('EN: the rule goes off only with a reason, which is logged; it goes back on in one click', async () => {
    session = await openSession();
    const { page } = session;
    await goTo(page, 'Authorities & settings');
    const panel = page.getByTestId('trust-panel');
    const state = panel.getByTestId('four-eyes-state');
    await expect.poll(() => state.textContent()).toBe('On: whoever submits an assessment may not review or lock it.');
    const toggle = panel.getByRole('button', { name: 'Turn the rule off…' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => focused(page)).toBe('Reason for turning the four-eyes rule off');
    await panel.getByRole('button', { name: 'Turn the rule off', exact: true }).click();
    await panel.getByText('Reason for turning the four-eyes rule off: explain why one person may now take every step.').waitFor();
    expect(await panel.getByLabel('Reason for turning the four-eyes rule off').getAttribute('aria-invalid')).toBe('true');
    expect(await allViolations(page)).toEqual([]);
    const reason = 'One-person integrity unit until the new officer starts in March.';
    await panel.getByLabel('Reason for turning the four-eyes rule off').fill(reason);
    await panel.getByRole('button', { name: 'Turn the rule off', exact: true }).click();
    await expect.poll(() => state.textContent()).toBe('Off: one person may submit, review and lock (changed with a logged reason).');
    expect(await apiFromPage(page, 'trust.key', {})).toMatchObject({ ok: true, value: { fourEyes: false } });
    const audit = await apiFromPage<Array<{ entity: string; entityId: string; justification: string | null }>>(page, 'audit.list', { limit: 1 });
    expect(audit.ok && audit.value[0]).toMatchObject({ entity: 'setting', entityId: 'four_eyes', justification: reason });
    // Back on: no reason needed, and the focus stays on the switch.
    await panel.getByRole('button', { name: 'Turn the rule on' }).click();
    await expect.poll(() => state.textContent()).toBe('On: whoever submits an assessment may not review or lock it.');
    await expect.poll(() => focused(page)).toBe('Turn the rule off…');
    expect(session.errors).toEqual([]);
  });

  it('EN: says where the key is kept and whether this computer signs; export downloads a .key file below a warning; another key replaces it only after a confirmation', async () => {
    const keyDir = mkdtempSync(join(tmpdir(), 'pi-e2e-own-keys-'));
    try {
      session = await openSession({ keyDir });
      const { page } = session;
      await goTo(page, 'Authorities & settings');
      const panel = page.getByTestId('trust-panel');
      await expect.poll(() => panel.getByTestId('key-where').textContent()).toBe(keyDir);
      // The demo was never locked here: no key yet, and that is not an error.
      await expect.poll(() => panel.getByTestId('key-can-sign').textContent()).toMatch(/^Not yet: the first lock/);
      const exportButton = panel.getByRole('button', { name: 'Export the signing key (.key file)' });
      const warningId = await exportButton.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${warningId}"]`).textContent()).toMatch(/^The key file is secret\. Whoever has it can sign locks and reports in this register's name\./);

      const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
      expect(download.suggestedFilename()).toMatch(/^permit-integrity-signing-key-[0-9a-f]{8}\.key$/);
      const keyFile = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; secretKey: string };
      expect(keyFile.format).toBe('permit-integrity/signing-key');
      const info = (await apiFromPage<{ fingerprint: string; canSign: boolean }>(page, 'trust.key', {})) as { ok: true; value: { fingerprint: string; canSign: boolean } };
      expect(info.value.canSign).toBe(true);
      expect(fingerprint(publicKeyOf(Buffer.from(keyFile.secretKey, 'hex')))).toBe(info.value.fingerprint);
      await expect.poll(() => panel.getByTestId('key-fingerprint').textContent()).toBe(info.value.fingerprint);
      await expect.poll(() => panel.getByTestId('key-can-sign').textContent()).toMatch(/^Yes: locks, packages and report manifests/);
      await panel.getByTestId('key-exported').getByText(`Saved ${download.suggestedFilename()}.`, { exact: false }).waitFor();
      expect(await allViolations(page)).toEqual([]);

      // Another key: both fingerprints side by side, the focus on Cancel, then replaced.
      const other = newSecretKey();
      const otherFingerprint = fingerprint(publicKeyOf(other));
      const text = `${JSON.stringify({ format: 'permit-integrity/signing-key', secretKey: Buffer.from(other).toString('hex') })}\n`;
      await panel.getByLabel('Import a signing key (.key file)').setInputFiles({ name: 'other.key', mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
      const dialog = page.getByRole('dialog', { name: "Replace this register's signing key?" });
      await dialog.getByTestId('replace-incoming').getByText(otherFingerprint).waitFor();
      expect(await dialog.textContent()).toContain(info.value.fingerprint);
      await expect.poll(() => focused(page)).toBe('Cancel');
      expect(await allViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Replace the key' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => panel.getByTestId('key-fingerprint').textContent()).toBe(otherFingerprint);
      const audit = await apiFromPage<Array<{ action: string; entity: string }>>(page, 'audit.list', { limit: 1 });
      expect(audit.ok && audit.value[0]).toMatchObject({ action: 'import', entity: 'key' });
      // A file that is not a key is refused, with the register's reason.
      await panel.getByLabel('Import a signing key (.key file)').setInputFiles({ name: 'notes.key', mimeType: 'text/plain', buffer: Buffer.from('hello') });
      await panel.getByTestId('key-import-error').getByText(/^The key was not imported: .*not a signing key file/).waitFor();
      expect(session.errors).toEqual([]);
    } finally {
      rmSync(keyDir, { recursive: true, force: true });
    }
  });
});

describe('the trust list and a change of key on import', () => {
  it('EN: a signed package adds its key to the trust list; a newer one under another key shows both keys and needs a reason', async () => {
    session = await openSession({ empty: true });
    const { page } = session;
    // The first run's "Import a package" leads to the Authorities screen's import.
    await page.getByRole('link', { name: 'Import a package' }).click();
    await page.getByLabel('Import package (JSON file)').setInputFiles(packageFile(made.a, 'veridia-a.json'));
    await page.getByTestId('import-status').getByText(`Imported “${DEMO}”:`).waitFor();
    const panel = page.getByTestId('trust-panel');
    const list = panel.getByTestId('trust-list');
    const rowA = list.getByRole('row', { name: new RegExp(`^${escapeRegExp(DEMO)}`) });
    await rowA.waitFor();
    expect(await rowA.getByRole('cell').first().textContent()).toBe(made.keyA);
    expect(await rowA.getByRole('cell').nth(1).locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await allViolations(page)).toEqual([]);
    // 64-hex heads and fingerprints wrap: the screen never scrolls sideways, at 1024 px either.
    expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    await screenshotOf(panel, 'trust-panel', { docs: true });

    // The newer package: its diff first, then the key check before anything is written.
    await page.getByLabel('Import package (JSON file)').setInputFiles(packageFile(made.b, 'veridia-b.json'));
    const preview = page.getByTestId('update-preview');
    await preview.getByRole('button', { name: `Update ${DEMO}` }).click();
    const dialog = page.getByRole('dialog', { name: `Check the signing key of “${DEMO}”` });
    await dialog.waitFor();
    expect(await dialog.getByTestId('key-change-before').textContent()).toContain(made.keyA);
    const after = (await dialog.getByTestId('key-change-after').textContent()) ?? '';
    expect(after).toContain(made.keyB);
    expect(after).toContain('new key');
    expect(after).toContain(`signed by ${REVIEWER}`);
    await expect.poll(() => focused(page)).toBe('Reason for accepting');
    expect(await allViolations(page)).toEqual([]);
    await screenshotOf(dialog, 'key-change', { docs: true });
    await dialog.getByRole('button', { name: 'Accept and import' }).click();
    await dialog.getByText('Reason for accepting: say how you checked the new key.').waitFor();
    expect(await list.getByRole('row').count()).toBe(2);
    const reason = 'New key read out by the MA director on the phone on 3 March.';
    await dialog.getByLabel('Reason for accepting').fill(reason);
    await dialog.getByRole('button', { name: 'Accept and import' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('import-status').getByText(`“${DEMO}” updated;`, { exact: false }).waitFor();
    await expect.poll(() => list.getByRole('row').count()).toBe(3);
    expect(await list.textContent()).toContain(made.keyB);

    await goTo(page, 'Audit log');
    await page.getByTestId('audit-table').getByText(`accepted a package from “${DEMO}” signed with a key other than the trusted one. Reason: ${reason}`, { exact: false }).waitFor();
    expect(session.errors).toEqual([]);
  });

  it('EN: the folder import stops a package under another key for a trusted authority and offers the same check', async () => {
    session = await openSession({ empty: true });
    const { page } = session;
    await page.getByRole('link', { name: 'Import a folder' }).click();
    const files = page.getByLabel('Or choose package files');
    await files.setInputFiles(packageFile(made.a, 'veridia-a.json'));
    const log = page.getByTestId('folder-import-log');
    await log.getByText(`Imported: ${DEMO}`).waitFor();
    // The authority is deleted; the trust list remembers its key.
    expect(await apiFromPage(page, 'authorities.delete', { id: 1, confirmName: DEMO })).toMatchObject({ ok: true });
    await files.setInputFiles(packageFile(made.b, 'veridia-b.json'));
    await log.getByText(`Stopped: “${DEMO}” is trusted under another signing key`, { exact: false }).waitFor();
    await log.getByRole('button', { name: 'Check the signing key of veridia-b.json' }).click();
    const dialog = page.getByRole('dialog', { name: `Check the signing key of “${DEMO}”` });
    expect(await dialog.getByTestId('key-change-after').textContent()).toContain(made.keyB);
    expect(await allViolations(page)).toEqual([]);
    await dialog.getByLabel('Reason for accepting').fill('Confirmed with the authority by phone.');
    await dialog.getByRole('button', { name: 'Accept and import' }).click();
    await log.getByText(`Imported after the key check: ${DEMO} (the reason is in the audit log)`).waitFor();
    const trusted = await apiFromPage<Array<{ fingerprint: string }>>(page, 'trust.list', {});
    expect(trusted.ok && trusted.value.map((k) => k.fingerprint).sort()).toEqual([made.keyA, made.keyB].sort());
    expect(session.errors).toEqual([]);
  });
});
