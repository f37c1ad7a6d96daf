import { listAssessments } from '../../db/assessments.js';
import { listAuthorities } from '../../db/authorities.js';
import { createDemo, hasDemo } from '../../db/demo.js';
import { importFramework } from '../../db/frameworks.js';
import { exportPackage } from '../../db/package-export.js';
import { recordPackageExport } from '../../db/audit-head.js';
import { importPackage } from '../../db/package-import.js';
import { assessmentSnapshot, scoreAssessment } from '../../db/snapshot.js';
import { getAssessment } from '../../db/assessments.js';
import { resultView } from '../../shared/report/result-view.js';
import { parse, requireId, requireString } from '../args.js';
import { printJson, withRegister, type Output } from '../context.js';
import { InputError } from '../errors.js';
import { flagsText } from '../format/result-text.js';
import { table } from '../format/table.js';
import { readJsonFile, writeFileAtomic } from '../io.js';
import { plural } from '../format/plural.js';

const DB = { db: { type: 'string' }, actor: { type: 'string' } } as const;

export function importCommand(argv: string[], io: Output): void {
  const { values, positionals } = parse(argv, { ...DB, 'accept-new-key': { type: 'string' } }, 1);
  const data = readJsonFile(positionals[0]!);
  const summary = withRegister(values, (register) => {
    try {
      return importPackage(register, data, { acceptKeyChange: typeof values['accept-new-key'] === 'string' ? values['accept-new-key'] : null });
    } catch (error) {
      if (error instanceof Error && error.name === 'PackageValidationError') {
        const held = /\$\.authority\.uid: authority/.test(error.message) ? `\nTo bring the authority up to date from a newer package, run: permit-integrity update ${positionals[0]} --db ${register.file} --dry-run` : '';
        throw new InputError(`${positionals[0]} was not imported; nothing was written:\n${error.message}${held}`);
      }
      throw error;
    }
  }, { mustExist: false });
  if (values.json) return printJson(io, summary);
  io.out(`Imported "${summary.name}" as authority ${summary.authorityId}: ${plural(summary.controls, 'control')}, ${plural(summary.evidence, 'evidence item')}, ${plural(summary.assessments, 'assessment')}.`);
}

export function importFrameworkCommand(argv: string[], io: Output): void {
  const { values, positionals } = parse(argv, DB, 1);
  const data = readJsonFile(positionals[0]!);
  const framework = withRegister(values, (register) => importFramework(register, positionals[0]!, data), { mustExist: false });
  if (values.json) return printJson(io, { id: framework.id, version: framework.version, criteria: framework.criteria.length });
  io.out(`Framework "${framework.title}" (${framework.id} ${framework.version}) with ${framework.criteria.length} criteria is available to new assessments.`);
}

export function listCommand(argv: string[], io: Output): void {
  const { values } = parse(argv, DB);
  const data = withRegister(values, (register) =>
    listAuthorities(register).map((authority) => ({ ...authority, assessments: listAssessments(register, authority.id) })),
  );
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

export function exportCommand(argv: string[], io: Output): void {
  const { values } = parse(argv, { ...DB, authority: { type: 'string' }, out: { type: 'string' } });
  const authorityId = requireId(values, 'authority');
  const out = requireString(values, 'out');
  const pkg = withRegister(values, (register) => {
    const exported = exportPackage(register, authorityId);
    recordPackageExport(register, exported.authority.uid, exported.auditHead);
    return exported;
  });
  writeFileAtomic(out, `${JSON.stringify(pkg, null, 2)}\n`);
  if (values.json) return printJson(io, { out, authority: pkg.authority.uid, assessments: pkg.assessments.length });
  io.out(`Exported "${pkg.authority.name}" (${plural(pkg.controls.length, 'control')}, ${plural(pkg.assessments.length, 'assessment')}) to ${out}.`);
}

export function flagsCommand(argv: string[], io: Output): void {
  const { values } = parse(argv, { ...DB, assessment: { type: 'string' } });
  const id = requireId(values, 'assessment');
  const view = withRegister(values, (register) => {
    const row = getAssessment(register, id);
    return resultView(assessmentSnapshot(register, id), scoreAssessment(register, id), { status: row.status, digest: row.digest });
  });
  if (values.json) return printJson(io, view.flags);
  io.out(`${view.authority.name} — ${view.assessment.title} (as of ${view.asOf}): ${view.flags.length} flags\n${flagsText(view)}`);
}

export function demoCommand(argv: string[], io: Output): void {
  const { values } = parse(argv, DB);
  const summary = withRegister(values, (register) => {
    if (hasDemo(register)) throw new InputError(`${register.file} already holds the demo authority`);
    return createDemo(register);
  }, { mustExist: false });
  if (values.json) return printJson(io, summary);
  io.out(`Demo authority "${summary.name}" created as authority ${summary.authorityId} with ${plural(summary.controls, 'control')} and ${plural(summary.assessments, 'assessment')}.`);
}
