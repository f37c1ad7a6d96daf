import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './app.js';
import { seriousViolations, type AxeViolation } from './axe.js';

/**
 * Every axe-core violation of any impact (minor and moderate too), for the
 * screens that must have none at all. seriousViolations injects axe first.
 */
export async function allViolations(page: Page): Promise<string[]> {
  await seriousViolations(page);
  const violations = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)")) as AxeViolation[];
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

/** Saves a screenshot of the screen as it is, then fails on any axe-core violation on it. */
export async function expectNoViolation(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await allViolations(page), `axe-core on ${name}`).toEqual([]);
}
