import type { PackageUpdatePlan } from '../../shared/domain/records.js';
import { parse, requireId, requireString } from '../args.js';
import { printJson, withApi, type Output } from '../context.js';
import { InputError } from '../errors.js';
import { plural } from '../format/plural.js';
import { readJsonFile } from '../io.js';

const DB = { db: { type: 'string' }, actor: { type: 'string' } } as const;

/** The diff an update makes, in lines a consultant can read before saying yes. */
export function updateText(plan: PackageUpdatePlan): string {
  const list = (items: string[]) => (items.length ? `: ${items.join('; ')}` : '');
  const a = plan.assessments;
  return [
    `"${plan.name}": package exported ${plan.incomingExportedAt} replaces the one exported ${plan.heldExportedAt}.`,
    plan.authorityChanged.length ? `  Authority: ${plan.authorityChanged.join(', ')} changed.` : null,
    `  Controls: ${plan.controls.added.length} added${list(plan.controls.added)}`,
    `            ${plan.controls.changed.length} changed${list(plan.controls.changed)}`,
    `            ${plan.controls.removed.length} removed${list(plan.controls.removed)}`,
    `  Evidence: ${plan.evidence.added} added, ${plan.evidence.changed} changed, ${plan.evidence.removed} removed.`,
    `  Assessments: ${a.added.length} added${list(a.added.map((x) => `${x.title} (${x.status})`))}`,
    `               ${a.changed.length} replaced${list(a.changed.map((x) => `${x.title} (${x.from} → ${x.to})`))}`,
    `               ${a.removed.length} removed${list(a.removed.map((x) => `${x.title} (${x.status})`))}`,
    `  Locks: ${plural(a.locksKept.length, 'locked assessment')} kept exactly as held${list(a.locksKept.map((x) => x.title))}; ${a.newLocks.length} newly locked${list(a.newLocks.map((x) => `${x.title} ${x.digest.slice(0, 12)}…`))}.`,
  ]
    .filter((line) => line !== null)
    .join('\n');
}

export async function updateCommand(argv: string[], io: Output): Promise<void> {
  const { values, positionals } = parse(argv, { ...DB, 'dry-run': { type: 'boolean' }, 'accept-new-key': { type: 'string' } }, 1);
  const acceptKeyChange = typeof values['accept-new-key'] === 'string' ? { acceptKeyChange: values['accept-new-key'] } : {};
  const data = readJsonFile(positionals[0]!);
  const dryRun = values['dry-run'] === true;
  const plan = await withApi(values, async (api) => {
    const preview = await api('packages.preview', { package: data });
    if (preview.kind === 'new') throw new InputError(`${positionals[0]} is of authority "${preview.name}", which this register does not hold: use "import" to add it`);
    return dryRun ? preview : api('packages.update', { package: data, ...acceptKeyChange });
  });
  if (values.json) return printJson(io, plan);
  io.out(`${dryRun ? 'Dry run, nothing written. ' : 'Updated. '}${updateText(plan)}`);
}

export async function deleteAuthorityCommand(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, { ...DB, authority: { type: 'string' }, confirm: { type: 'string' } });
  const id = requireId(values, 'authority');
  const confirm = requireString(values, 'confirm');
  const result = await withApi(values, (api) => api('authorities.delete', { id, confirmName: confirm }));
  if (values.json) return printJson(io, result);
  io.out(`Deleted "${result.name}" and everything it held. A backup of the register as it was is at ${result.backup}.`);
}
