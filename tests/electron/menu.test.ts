import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, LANGUAGE_LABELS, type MenuActions, type MenuItemSpec } from '../../electron/menu-template.js';
import { LANGUAGES } from '../../shared/api/inputs.js';

function fakeActions(): MenuActions & { calls: string[] } {
  const calls: string[] = [];
  const record = (name: string) => () => void calls.push(name);
  return {
    calls,
    openRegister: record('openRegister'),
    newRegister: record('newRegister'),
    importPackage: record('importPackage'),
    exportPackage: record('exportPackage'),
    backupRegister: record('backupRegister'),
    setLanguage: vi.fn((language) => void calls.push(`language:${language}`)),
    about: record('about'),
    methodology: record('methodology'),
  };
}

const top = (template: MenuItemSpec[], label: string) => template.find((item) => item.label === label);
const labels = (items: MenuItemSpec[] | undefined) => (items ?? []).filter((i) => i.type !== 'separator').map((i) => i.label ?? i.role);

function allItems(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...allItems(item.submenu ?? [])]);
}

describe('application menu', () => {
  it('has File, View and Help with the register and package actions', () => {
    const template = buildMenuTemplate(fakeActions(), { platform: 'linux', packaged: true, language: null });
    expect(template.map((i) => i.label ?? i.role)).toEqual(['File', 'editMenu', 'View', 'Help']);
    expect(labels(top(template, 'File')!.submenu)).toEqual(['Open register file…', 'New register file…', 'Import package…', 'Export package…', 'Back up register…', 'Quit']);
    expect(top(template, 'File')!.submenu!.at(-1)).toMatchObject({ role: 'quit' });
    expect(labels(top(template, 'Help')!.submenu)).toEqual(['About Permit Integrity', 'Methodology (PI-1)…']);
  });

  it('offers every language under its own name, checking the current one', () => {
    const actions = fakeActions();
    const template = buildMenuTemplate(actions, { platform: 'win32', packaged: true, language: 'fr' });
    const language = top(template, 'View')!.submenu!.find((i) => i.label === 'Language')!;
    expect(language.submenu!.map((i) => i.label)).toEqual(['English', 'Français', 'Español']);
    expect(Object.keys(LANGUAGE_LABELS)).toEqual([...LANGUAGES]);
    expect(language.submenu!.map((i) => [i.type, i.checked])).toEqual([
      ['radio', false],
      ['radio', true],
      ['radio', false],
    ]);
    language.submenu![2]!.click!();
    expect(actions.calls).toEqual(['language:es']);
  });

  it('calls the matching action from each item', () => {
    const actions = fakeActions();
    const template = buildMenuTemplate(actions, { platform: 'linux', packaged: false, language: null });
    for (const item of allItems(template)) if (item.click && item.type !== 'radio') item.click();
    expect(actions.calls).toEqual(['openRegister', 'newRegister', 'importPackage', 'exportPackage', 'backupRegister', 'about', 'methodology']);
  });

  it('has developer tools only in development runs', () => {
    const roles = (packaged: boolean) => allItems(buildMenuTemplate(fakeActions(), { platform: 'linux', packaged, language: null })).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('follows macOS conventions there', () => {
    const template = buildMenuTemplate(fakeActions(), { platform: 'darwin', packaged: true, language: 'en' });
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(template.map((i) => i.label ?? i.role)).toContain('windowMenu');
    expect(top(template, 'File')!.submenu!.at(-1)).toEqual({ role: 'close' });
  });
});
