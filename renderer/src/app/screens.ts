import { lazy, type ComponentType } from 'react';

interface ScreenEntry {
  id: string;
  component: ComponentType;
  /** Starts loading the screen's code (and its charts or tables) without drawing it. */
  preload(): void;
}

/**
 * A screen whose code is loaded when it is first shown: the app starts with
 * the header and workspace only, and each screen's libraries (charts, the
 * report renderer, tables) arrive with the screen that needs them.
 */
function screen(id: string, load: () => Promise<ComponentType>): ScreenEntry {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const start = () => (loading ??= load().then((component) => ({ default: component })));
  return { id, component: lazy(start), preload: () => void start() };
}

/** The screens, in navigation order; the id is the URL hash (#/register) and the i18n key (nav.<id>). */
export const SCREENS: readonly ScreenEntry[] = [
  screen('overview', async () => (await import('../screens/overview/Overview.js')).Overview),
  screen('register', async () => (await import('../screens/register/RegisterScreen.js')).RegisterScreen),
  screen('assessment', async () => (await import('../screens/assessment/AssessmentScreen.js')).AssessmentScreen),
  screen('chain', async () => (await import('../screens/chain/ChainRiskScreen.js')).ChainRiskScreen),
  screen('gaps', async () => (await import('../screens/gaps/GapsScreen.js')).GapsScreen),
  screen('actions', async () => (await import('../screens/actions/ActionsScreen.js')).ActionsScreen),
  screen('calendar', async () => (await import('../screens/calendar/CalendarScreen.js')).CalendarScreen),
  screen('permits', async () => (await import('../screens/permits/PermitDataScreen.js')).PermitDataScreen),
  screen('reports', async () => (await import('../screens/reports/ReportsScreen.js')).ReportsScreen),
  screen('lifecycle', async () => (await import('../screens/lifecycle/LifecycleScreen.js')).LifecycleScreen),
  screen('audit', async () => (await import('../screens/audit/AuditScreen.js')).AuditScreen),
  screen('authorities', async () => (await import('../screens/authorities/AuthoritiesScreen.js')).AuthoritiesScreen),
  screen('portfolio', async () => (await import('../screens/portfolio/PortfolioScreen.js')).PortfolioScreen),
];

/** The screen named in the URL hash (#/register), or the Overview. */
export function screenFromHash(hash: string): string {
  const id = hash.replace(/^#\/?/, '');
  return SCREENS.some((s) => s.id === id) ? id : 'overview';
}
