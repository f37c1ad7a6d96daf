import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { expectNoViolation as expectPageClean } from './support/axe-all.js';
import { useSession, type Session } from './support/session.js';
import { goTo } from './support/ui.js';

/**
 * What falls due and how the score moves, on the demo: the Calendar from a
 * fixed reference date (so the test never depends on today), the next
 * re-assessment as a setting, the .ics download read back, and the Overview's
 * trend with the change since the locked 2025 baseline; then in Spanish.
 */

let session: Session;
let page: Page;
useSession((opened) => {
  session = opened;
  page = opened.page;
});

const expectNoViolation = (name: string) => expectPageClean(page, name);

/** Each body row of a table as its cells' texts joined by one space. */
async function rowTexts(rows: Locator): Promise<string[]> {
  const out: string[] = [];
  for (const row of await rows.all()) out.push((await row.locator('td, th').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()).join(' '));
  return out;
}
const dueRows = () => rowTexts(page.getByTestId('due-table').locator('tbody tr'));

/** Unfolds an iCalendar file after checking RFC 5545's CRLF line ends and 75-octet lines. */
function icsLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  return physical.reduce<string[]>((lines, line) => (line.startsWith(' ') ? [...lines.slice(0, -1), lines.at(-1)! + line.slice(1)] : [...lines, line]), []);
}

describe('Calendar and trend in a real browser (English)', () => {
  it('lists what falls due from the reference date, with the next re-assessment as a setting', async () => {
    await goTo(page, 'Calendar');
    await page.getByRole('heading', { level: 1, name: 'What falls due' }).waitFor();
    await page.getByLabel('Reference date', { exact: true }).fill('2026-10-31');
    await expect.poll(dueRows).toEqual([
      '— Review Review of “Cooling-off rule for departing permit officers (in drafting)” Never reviewed: due now',
      '— Review Review of “Rotation of inspectors between ports of exit” Never reviewed: due now',
      '8 Apr 2026 Review Review of “Competitive, merit-based recruitment of technical staff” 206 days overdue',
      '10 Dec 2026 Review Review of “Annual asset declarations by permit signatories” In 40 days',
    ]);
    await page.getByLabel('Next re-assessment', { exact: true }).fill('2026-12-01');
    await page.getByRole('button', { name: 'Save date' }).click();
    await expect.poll(async () => (await dueRows()).at(-2)).toBe('1 Dec 2026 Re-assessment Next re-assessment In 31 days');
    await expectNoViolation('calendar-en');
  });

  it('exports the list as an iCalendar file that reads back event by event', async () => {
    const [file] = (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to calendar (.ics)' }).click()])) as [Download, void];
    expect(file.suggestedFilename()).toMatch(/\.ics$/);
    const lines = icsLines(readFileSync((await file.path())!, 'utf8'));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('UID:'))).toHaveLength(5);
    expect(lines.filter((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toHaveLength(5);
    expect(lines).toContain('SUMMARY:Review of “Annual asset declarations by permit signatories”');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261210');
    expect(lines).toContain('SUMMARY:Next re-assessment');
    // The undated items (never reviewed) fall on the reference date.
    expect(lines.filter((l) => l === 'DTSTART;VALUE=DATE:20261031')).toHaveLength(2);
  });

  it('shows on the Overview the due-list and the score over time, with the change since the locked baseline', async () => {
    await goTo(page, 'Overview');
    await page.getByTestId('due-summary').getByRole('heading', { name: /^Due soon: \d+ items?$/ }).waitFor();
    const trend = page.getByTestId('overview-trend');
    await trend.getByRole('heading', { name: 'Score over time' }).waitFor();
    expect(await trend.getByTestId('change-since-locked').textContent()).toBe('Change since the last locked assessment, “2025 baseline” (31 Oct 2025): +9.3');
    expect(await rowTexts(trend.locator('tbody tr'))).toEqual(['31 Oct 2025 2025 baseline Locked 44.4', '31 Oct 2026 2026 self-assessment Draft 53.7']);
    await trend.locator('.recharts-line-curve').waitFor();
    await expectNoViolation('overview-trend-en');
    expect(session.errors).toEqual([]);
  });
});

describe('Vencimientos y evolución en español', () => {
  it('muestra el calendario y la evolución en español, sin infracciones de accesibilidad', async () => {
    await page.getByRole('banner').getByLabel('Language', { exact: true }).selectOption('es');
    await goTo(page, 'Calendario');
    await page.getByRole('heading', { level: 1, name: 'Vencimientos' }).waitFor();
    await page.getByLabel('Fecha de referencia', { exact: true }).fill('2026-10-31');
    await expect.poll(async () => (await dueRows())[0]).toBe('— Revisión Revisión de «Cooling-off rule for departing permit officers (in drafting)» Nunca revisada: vence ya');
    await expect.poll(async () => (await dueRows()).at(-2)).toBe('1 dic 2026 Reevaluación Próxima reevaluación En 31 días');
    await expectNoViolation('calendar-es');
    await goTo(page, 'Resumen');
    const trend = page.getByTestId('overview-trend');
    await trend.getByRole('heading', { name: 'Puntuación a lo largo del tiempo' }).waitFor();
    expect(await trend.getByTestId('change-value').textContent()).toBe('+9,3');
    await trend.locator('.recharts-line-curve').waitFor();
    await expectNoViolation('overview-trend-es');
    expect(session.errors).toEqual([]);
  });
});
