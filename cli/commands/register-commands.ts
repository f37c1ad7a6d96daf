import { scoredAssessment } from '../../api/assessment-handlers.js';
import { ApiRefusal } from '../api-call.js';
import { parse, requireId, requireString } from '../args.js';
import { printJson, withApi, type Output } from '../context.js';
import { InputError } from '../errors.js';
import { flagsText } from '../format/result-text.js';
import { table } from '../format/table.js';
import { readJsonFile, writeFileAtomic } from '../io.js';
import { plural } from '../format/plural.js';

const DB = { db: { type: 'string' }, actor: { type: 'string' } } as const;

export async function importCommand(argv: string[], io: Output): Promise<void> {
  const { values, positionals } = parse(argv, { ...DB, 'accept-new-key': { type: 'string' } }, 1);
  const data = readJsonFile(positionals[0]!);
  const acceptKeyChange = typeof values['accept-new-key'] === 'string' ? { acceptKeyChange: values['accept-new-key'] } : {};
  const summary = await withApi(
    values,
    async (api, register) => {
      try {
        return await api('packages.import', { package: data, ...acceptKeyChange });
      } catch (error) {
        if (error instanceof ApiRefusal && error.code === 'invalid') {
          const held = /\$\.authority\.uid: authority/.test(error.message) ? `\nTo bring the authority up to date from a newer package, run: permit-integrity update ${positionals[0]} --db ${register.file} --dry-run` : '';
          throw new InputError(`${positionals[0]} was not imported; nothing was written:\n${error.message}${held}`);
        }
        throw error;
      }
    },
    { mustExist: false },
  );
  if (values.json) return printJson(io, summary);
  io.out(`Imported "${summary.name}" as authority ${summary.authorityId}: ${plural(summary.controls, 'control')}, ${plural(summary.evidence, 'evidence item')}, ${plural(summary.assessments, 'assessment')}.`);
}

export async function importFrameworkCommand(argv: string[], io: Output): Promise<void> {
  const { values, positionals } = parse(argv, DB, 1);
  const data = readJsonFile(positionals[0]!);
  const framework = await withApi(values, (api) => api('library.importFramework', { name: positionals[0]!, framework: data }), { mustExist: false });
  if (values.json) return printJson(io, { id: framework.id, version: framework.version, criteria: framework.criteria.length });
  io.out(`Framework "${framework.title}" (${framework.id} ${framework.version}) with ${framework.criteria.length} criteria is available to new assessments.`);
}

export async function listCommand(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, DB);
  const data = await withApi(values, async (api) => {
    const authorities = await api('authorities.list', {});
    return Promise.all(authorities.map(async (authority) => ({ ...authority, assessments: await api('assessments.list', { authorityId: authority.id }) })));
  });
  if (values.json) {
    return printJson(
      io,
      data.map((a) => ({ id: a.id, uid: a.uid, name: a.name, assessments: a.assessments.map((s) => ({ id: s.id, uid: s.uid, title: s.title, asOf: s.asOf, status: s.status, digest: s.digest })) })),
    );
  }
  if (!data.length) return io.out('The register is empty. Load the demo with: permit-integrity demo --db FILE');
  io.out(
    table(
      ['Authority', 'Name', 'Assessment', 'Title', 'As of', 'Status'],
      data.flatMap((a) => (a.assessments.length ? a.assessments : [null]).map((s) => [a.id, a.name, s?.id ?? null, s?.title ?? '', s?.asOf ?? '', s?.status ?? ''])),
    ),
  );
}

export async function exportCommand(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, { ...DB, authority: { type: 'string' }, out: { type: 'string' } });
  const authorityId = requireId(values, 'authority');
  const out = requireString(values, 'out');
  // The export (and its audit-head record) is the app's own: packages.export.
  const pkg = await withApi(values, (api) => api('packages.export', { authorityId }));
  writeFileAtomic(out, `${JSON.stringify(pkg, null, 2)}\n`);
  if (values.json) return printJson(io, { out, authority: pkg.authority.uid, assessments: pkg.assessments.length });
  io.out(`Exported "${pkg.authority.name}" (${plural(pkg.controls.length, 'control')}, ${plural(pkg.assessments.length, 'assessment')}) to ${out}.`);
}

export async function flagsCommand(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, { ...DB, assessment: { type: 'string' } });
  const id = requireId(values, 'assessment');
  // Every flag with its reason and remedy: the API's scoring (and cache), in full rather than the screens' paged form.
  // A missing assessment is the scoring's own not_found refusal (exit 1).
  const { view } = await withApi(values, async (_api, register) => scoredAssessment(register, id));
  if (values.json) return printJson(io, view.flags);
  io.out(`${view.authority.name} — ${view.assessment.title} (as of ${view.asOf}): ${view.flags.length} flags\n${flagsText(view)}`);
}

export async function demoCommand(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, DB);
  const summary = await withApi(
    values,
    async (api, register) => {
      try {
        return await api('register.loadDemo', {});
      } catch (error) {
        if (error instanceof ApiRefusal && error.code === 'conflict') throw new InputError(`${register.file} already holds the demo authority`);
        throw error;
      }
    },
    { mustExist: false },
  );
  if (values.json) return printJson(io, summary);
  io.out(`Demo authority "${summary.name}" created as authority ${summary.authorityId} with ${plural(summary.controls, 'control')} and ${plural(summary.assessments, 'assessment')}.`);
}
