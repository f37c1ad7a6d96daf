import type { Locator, Page } from 'playwright-core';

/** What every API method answers, over HTTP as over IPC. */
export type ApiAnswer<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/**
 * Calls the app's API from inside the page, as the page itself does: POST ./api/<method>
 * with the session token the page keeps in sessionStorage. A string expression, so this
 * Node-side file needs no DOM types.
 */
export async function apiFromPage<T = unknown>(page: Page, method: string, input: unknown): Promise<ApiAnswer<T>> {
  const expression = `fetch('./api/${method}', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Permit-Integrity-Token': sessionStorage.getItem('permit-integrity-token') ?? '' },
    body: ${JSON.stringify(JSON.stringify(input))},
  }).then((r) => r.json())`;
  return (await page.evaluate(expression)) as ApiAnswer<T>;
}

/** Goes to a screen through the navigation; the name matches the whole link text (a short name may be the start of a longer one). */
export async function goTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await page.waitForURL((url) => url.hash.length > 1);
}

/** Waits until a value read from the page stops changing (charts animate), then returns it. */
export async function settled(read: () => Promise<string | null>, timeout = 10_000): Promise<string | null> {
  const end = Date.now() + timeout;
  let last = await read();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    const next = await read();
    if (next === last) return next;
    if (Date.now() > end) throw new Error(`value still changing after ${timeout} ms: ${String(next)}`);
    last = next;
  }
}

/** The text of the option a <select> shows. */
export async function selectedLabel(select: Locator): Promise<string> {
  return ((await select.locator('option:checked').textContent()) ?? '').trim();
}

/** Flag counts as shown in a list of "<severity badge> <count>" items, e.g. { Critical: 2, High: 4, … }. */
export async function flagCounts(list: Locator): Promise<Record<string, number>> {
  const items = await list.getByRole('listitem').allTextContents();
  const counts: Record<string, number> = {};
  for (const item of items) {
    const match = /^\s*(\S.*?)\s+(\d+)\s*$/.exec(item);
    if (match) counts[match[1]!] = Number(match[2]);
  }
  return counts;
}

/**
 * The SVG path of the radar's "maturity" series (the second radar drawn), once its
 * animation has ended: it grows from the centre, so wait for more than one point.
 */
export async function radarMaturityPath(page: Page, timeout = 10_000): Promise<string> {
  const path = page.locator('.radar .recharts-radar path.recharts-polygon').nth(1);
  const end = Date.now() + timeout;
  for (;;) {
    const d = await settled(() => path.getAttribute('d'), timeout);
    if (d && new Set(d.match(/[\d.]+,[\d.]+/g) ?? []).size > 1) return d;
    if (Date.now() > end) throw new Error(`the radar drew no polygon: ${String(d)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A number as the UI writes it in English ("53.7") or French / Spanish ("53,7"). */
export function parseShown(text: string | null): number {
  return Number((text ?? '').trim().replace(/\s/g, '').replace(',', '.'));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
