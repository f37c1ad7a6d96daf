import { describe, expect, it } from 'vitest';
import { useSession, type Session } from './support/session.js';

let session: Session;
useSession((opened) => {
  session = opened;
});

describe('choosing a screen', () => {
  it('shows the screen chosen while the app was still starting, not the one it started on', async () => {
    // A click on a menu link can land after the links are drawn but before the app listens for
    // hash changes (a loaded machine, a quick user). The init script moves the hash at exactly that
    // moment, without an event, as if the event had come and gone.
    const page = await session.context.newPage();
    await page.addInitScript({
      content: `
        const listen = window.addEventListener.bind(window);
        let moved = false;
        window.addEventListener = (type, ...rest) => {
          if (type === 'hashchange' && !moved) {
            moved = true;
            history.replaceState(null, '', '#/gaps');
          }
          return listen(type, ...rest);
        };`,
    });
    await page.goto(`${session.app.url.split('#')[0]}#/reports`);
    await page.getByRole('main').getByRole('heading', { name: 'Gaps and flags', level: 1 }).waitFor();
    expect(await page.getByRole('navigation').first().getByRole('link', { name: 'Gaps', exact: true }).getAttribute('aria-current')).toBe('page');
    await page.close();
  });
});
