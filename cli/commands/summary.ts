import { createInterface } from 'node:readline/promises';
import { scoredAssessment } from '../../api/assessment-handlers.js';
import { closeRegister } from '../../db/register.js';
import { openUserRegister } from '../../db/user-register.js';
import type { ResultView } from '../../shared/report/result-view.js';
import { cliApi } from '../api-call.js';
import type { Snapshot } from '../../shared/snapshot/schema.js';
import { parse } from '../args.js';
import type { Output } from '../context.js';
import { chainText, criteriaText, flagsText, scoresText } from '../format/result-text.js';
import { defaultRegisterPath } from '../user-data.js';


/**
 * Prints a summary in the terminal: opens the user's
 * register, loads the demo into an empty one, and summarises the newest
 * assessment; on a terminal it then offers a small menu.
 */
export async function summaryCommand(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' } });
  const file = typeof values.db === 'string' ? values.db : defaultRegisterPath();
  const register = openUserRegister(file, io.out, { demoWhenEmpty: true });
  let view: ResultView;
  let snapshot: Snapshot;
  try {
    // Read through the API and its scoring cache, as the app's Overview is.
    const api = cliApi(register);
    const authority = (await api('authorities.list', {}))[0]!;
    const latest = (await api('assessments.list', { authorityId: authority.id })).at(-1);
    if (!latest) return io.out(`${authority.name} has no assessment yet.`);
    ({ snapshot, view } = scoredAssessment(register, latest.id));
    io.out(`Register: ${file}\n`);
  } finally {
    closeRegister(register);
  }
  const sections: Record<string, () => string> = {
    '1': () => scoresText(view),
    '2': () => criteriaText(view),
    '3': () => flagsText(view),
    '4': () => chainText(view, snapshot),
  };
  io.out(scoresText(view));
  if (!process.stdin.isTTY) {
    io.out(`\nTop flags:\n${flagsText({ ...view, flags: view.flags.slice(0, 5) })}`);
    return;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (;;) {
      const answer = (await prompt.question('\n[1] scores  [2] criteria  [3] flags  [4] chain risk  [q] quit > ')).trim().toLowerCase();
      if (answer === 'q' || answer === 'quit') break;
      io.out(sections[answer]?.() ?? 'Type 1, 2, 3, 4 or q.');
    }
  } finally {
    prompt.close();
  }
}
