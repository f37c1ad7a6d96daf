/**
 * The command line as users run it: the compiled dist/cli/bin.cjs in a
 * subprocess, on real register files in temporary folders.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../shared/methodology/assess.js';
import { FLAG_KINDS as ALL_FLAG_KINDS } from '../../shared/domain/vocabulary.js';

/** The kinds the demo raises: all but PI-1.2's, which needs permit data the demo does not hold. */
const FLAG_KINDS = ALL_FLAG_KINDS.filter((kind) => kind !== 'data-contradicts-likelihood');
import type { AssessmentPackage } from '../../shared/package/schema.js';
import { packageSnapshot, pickAssessment } from '../../shared/package/to-snapshot.js';
import { validatePackage } from '../../shared/package/validate.js';
import type { ResultView } from '../../shared/report/result-view.js';
import { snapshotDigest } from '../../shared/snapshot/canonical.js';
import { assertCliBuilt, runCli, runOk } from '../helpers/cli.js';
import { customFramework } from '../helpers/register-fixtures.js';
import { dumpTables, makeTempDir, useTempRegisters } from '../helpers/temp-register.js';
import { closeRegister, openRegister } from '../../db/register.js';

const temp = useTempRegisters();

/** One demo register and its export, made once with the CLI; tests work on copies. */
let shared: { dir: string; db: string; pkgFile: string };

beforeAll(() => {
  assertCliBuilt();
  const dir = makeTempDir('permit-integrity-cli-shared-');
  const db = join(dir, 'demo.sqlite');
  const pkgFile = join(dir, 'package.json');
  runOk(['demo', '--db', db]);
  runOk(['export', '--db', db, '--authority', '1', '--out', pkgFile]);
  shared = { dir, db, pkgFile };
});

afterAll(() => {
  if (shared) rmSync(shared.dir, { recursive: true, force: true });
});

const COMMAND_NAMES = ['start', 'serve', 'summary', 'score', 'import', 'import-folder', 'import-framework', 'report', 'verify', 'list', 'export', 'flags', 'submit', 'review', 'return', 'lock', 'clone', 'verify-audit', 'demo'];

/** A new register file holding the demo (authority 1; assessment 1 = locked 2025 baseline, 2 = 2026 draft). */
function demoDb(): string {
  const db = temp.path();
  copyFileSync(shared.db, db);
  if (existsSync(`${shared.db}-wal`)) copyFileSync(`${shared.db}-wal`, `${db}-wal`);
  return db;
}

/** A copy of the demo register and a package exported from it by the CLI, alone in its own folder. */
function exportDemo(): { db: string; pkgFile: string; pkg: AssessmentPackage } {
  const db = demoDb();
  const pkgFile = join(temp.dir(), 'package.json');
  copyFileSync(shared.pkgFile, pkgFile);
  return { db, pkgFile, pkg: JSON.parse(readFileSync(pkgFile, 'utf8')) as AssessmentPackage };
}

/** Reads a register file directly (no app code), closing it again before the next CLI run. */
function readDb<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function writeJson(value: unknown, name = 'package.json'): string {
  const file = join(temp.dir(), name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

function directScore(pkg: unknown, uid?: string, asOf?: string) {
  const { pkg: valid, library } = validatePackage(pkg);
  const assessment = pickAssessment(valid, uid);
  const frozen = packageSnapshot(valid, library, assessment);
  const snapshot = asOf ? { ...frozen, asOf } : frozen;
  return { assessment, snapshot, result: assess(snapshot) };
}

describe('help and usage', () => {
  it('--help exits 0 and lists every command', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    for (const name of COMMAND_NAMES) expect(run.stdout).toMatch(new RegExp(`^\\s+${name.replace('-', '\\-')}\\b`, 'm'));
    expect(run.stdout).toMatch(/Exit status: 0 success, 1 bad input, 2 wrong usage/);
  });

  it('help for one command exits 0 with its usage', () => {
    const run = runCli(['lock', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: permit-integrity lock --db FILE --assessment ID');
  });

  it('no command prints the help and exits 2', () => {
    const run = runCli([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Usage: permit-integrity COMMAND');
  });

  it('an unknown command exits 2 naming it', () => {
    const run = runCli(['frobnicate', '--db', 'x.sqlite']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
    expect(run.stdout).toBe('');
  });

  it('a missing option exits 2 with the usage line', () => {
    const list = runCli(['list']);
    expect(list.status).toBe(2);
    expect(list.stderr).toContain('--db is required');
    expect(list.stderr).toContain('Usage: permit-integrity list --db FILE');

    const db = temp.path();
    const exportRun = runCli(['export', '--db', db, '--authority', '1']);
    expect(exportRun.status).toBe(2);
    expect(exportRun.stderr).toContain('--out is required');
    expect(exportRun.stderr).toContain('Usage: permit-integrity export');

    const lock = runCli(['lock', '--db', db]);
    expect(lock.status).toBe(2);
    expect(lock.stderr).toContain('--assessment is required');
    // Nothing was created for a command that never ran.
    expect(existsSync(db)).toBe(false);
  });

  it('bad option values, unknown options and stray arguments exit 2', () => {
    const db = temp.path();
    for (const args of [
      ['lock', '--db', db, '--assessment', 'abc'],
      ['lock', '--db', db, '--assessment', '0'],
      ['list', '--db', db, '--bogus'],
      ['list', '--db', db, 'extra'],
      ['score'],
      ['score', 'a.json', '--as-of', '2026-02-30'],
      ['score', 'a.json', '--db', db],
    ]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain('Usage: permit-integrity');
    }
    expect(existsSync(db)).toBe(false);
  });

  it('return without --reason exits 2 and leaves the assessment where it was', () => {
    const db = demoDb();
    runOk(['submit', '--db', db, '--assessment', '2']);
    const before = readDb(db, dumpTables);
    const run = runCli(['return', '--db', db, '--assessment', '2']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--reason is required');
    expect(readDb(db, dumpTables)).toEqual(before);
  });

  it('a register file that does not exist exits 1 and is not created', () => {
    const db = temp.path('missing.sqlite');
    const run = runCli(['list', '--db', db]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(db);
    expect(existsSync(db)).toBe(false);
  });
});

describe('demo, list, export', () => {
  it('demo --db then list --db shows ids and statuses', () => {
    const db = temp.path();
    const demo = runCli(['demo', '--db', db]);
    expect(demo.status).toBe(0);
    expect(demo.stdout).toMatch(/created as authority 1 with 32 controls and 2 assessments/);

    const list = runOk(['list', '--db', db]);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/Authority\s+Name\s+Assessment\s+Title\s+As of\s+Status/);
    expect(lines.slice(2)).toEqual([
      expect.stringMatching(/^\s*1\s+Veridia CITES Management Authority \(demo\)\s+1\s+2025 baseline\s+2025-10-31\s+locked$/),
      expect.stringMatching(/^\s*1\s+Veridia CITES Management Authority \(demo\)\s+2\s+2026 self-assessment\s+2026-10-31\s+draft$/),
    ]);

    const json = JSON.parse(runOk(['list', '--db', db, '--json']).stdout);
    expect(json).toEqual([
      {
        id: 1,
        uid: 'demo-veridia-ma',
        name: 'Veridia CITES Management Authority (demo)',
        assessments: [
          { id: 1, uid: 'demo-assessment-2025', title: '2025 baseline', asOf: '2025-10-31', status: 'locked', digest: expect.stringMatching(/^[0-9a-f]{64}$/) },
          { id: 2, uid: 'demo-assessment-2026', title: '2026 self-assessment', asOf: '2026-10-31', status: 'draft', digest: null },
        ],
      },
    ]);
  });

  it('demo twice into the same register exits 1 and adds nothing', () => {
    const db = demoDb();
    const before = readDb(db, dumpTables);
    const again = runCli(['demo', '--db', db]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already holds the demo');
    expect(readDb(db, dumpTables)).toEqual(before);
  });

  it('list on an empty register says so', () => {
    const emptyDb = temp.path();
    closeRegister(openRegister(emptyDb));
    const run = runOk(['list', '--db', emptyDb]);
    expect(run.stdout).toContain('The register is empty');
    // A zero-byte file is not an empty register: it is refused, and stays zero bytes.
    const zero = temp.path();
    new Database(zero).close();
    const refused = runCli(['list', '--db', zero]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('empty file');
    expect(readFileSync(zero).length).toBe(0);
  });

  it('export writes a valid package of the authority', () => {
    const db = demoDb();
    const pkgFile = join(temp.dir(), 'package.json');
    const run = runCli(['export', '--db', db, '--authority', '1', '--out', pkgFile]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`(32 controls, 2 assessments) to ${pkgFile}`);
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as AssessmentPackage;
    expect(() => validatePackage(pkg)).not.toThrow();
    expect(pkg.authority.uid).toBe('demo-veridia-ma');
    expect(pkg.controls).toHaveLength(32);
    expect(pkg.assessments.map((a) => a.uid)).toEqual(['demo-assessment-2025', 'demo-assessment-2026']);
    // No temporary file is left beside it.
    expect(readdirSync(join(pkgFile, '..'))).toEqual(['package.json']);
  });

  it('export of an unknown authority exits 1 and writes no file', () => {
    const db = demoDb();
    const out = join(temp.dir(), 'nope.json');
    const run = runCli(['export', '--db', db, '--authority', '9', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('authority 9 does not exist');
    expect(existsSync(out)).toBe(false);
  });
});

describe('score (pure, on a package file)', () => {
  it('prints the overall score, flags and chain, without opening any database', () => {
    const { pkgFile, pkg } = exportDemo();
    const dir = join(pkgFile, '..');
    const envDb = join(temp.dir(), 'should-not-exist.sqlite');
    const run = runCli(['score', pkgFile], { env: { PERMIT_INTEGRITY_DB: envDb } });
    expect(run.status).toBe(0);
    const { result, snapshot } = directScore(pkg);
    expect(run.stdout).toContain('Veridia CITES Management Authority (demo) — 2026 self-assessment');
    expect(run.stdout).toContain(`Overall score ${result.overall.score!.toFixed(1)} / 100`);
    expect(run.stdout).toContain(
      `Flags: ${result.flagCounts.critical} critical, ${result.flagCounts.high} high, ${result.flagCounts.medium} medium, ${result.flagCounts.low} low`,
    );
    expect(run.stdout).toMatch(/^Flags$/m);
    expect(run.stdout).toMatch(/\[CRITICAL\] missing-core-family — Integrity focal point/);
    for (const kind of FLAG_KINDS) expect(run.stdout).toContain(kind);
    expect(run.stdout).toMatch(/^Permit-chain risk$/m);
    for (const stage of snapshot.stages) expect(run.stdout).toContain(stage.title);
    const hot = result.chain.find((c) => c.stage === 'permit_issuance' && c.riskType === 'bribery')!;
    expect(run.stdout).toContain(`${hot.inherent}→${hot.residual.toFixed(1)}`);
    expect(run.stdout).toContain('Bands: L low');
    // Pure: nothing new next to the package, no default register created.
    expect(readdirSync(dir)).toEqual(['package.json']);
    expect(existsSync(envDb)).toBe(false);
  });

  it('--json gives the documented shape, with the numbers of assess() on the same snapshot', () => {
    const { pkgFile, pkg } = exportDemo();
    const view = JSON.parse(runOk(['score', pkgFile, '--json']).stdout) as ResultView;
    const { result, assessment } = directScore(pkg);

    expect(view.schema).toBe('permit-integrity/result@1');
    expect(view.methodology).toEqual({ id: 'PI-1', version: result.methodology.version });
    expect(view.asOf).toBe('2026-10-31');
    expect(view.assessment).toEqual({ uid: assessment.uid, title: assessment.title, status: 'draft', digest: null });
    expect(typeof view.scores.overall).toBe('number');
    expect(view.scores.coverage).toEqual({ met: expect.any(Number), total: expect.any(Number), percent: expect.any(Number) });
    for (const article of view.scores.articles) {
      expect(article).toEqual({ framework: expect.any(String), article: expect.any(String), title: expect.any(String), score: expect.any(Number), coverage: expect.any(Object) });
    }
    for (const criterion of view.criteria) {
      expect(criterion).toMatchObject({ id: expect.any(String), derived: expect.any(Number), final: expect.any(Number), applicable: expect.any(Boolean) });
    }
    expect(view.flags.length).toBeGreaterThan(0);
    for (const flag of view.flags) {
      expect(flag).toEqual({
        kind: expect.any(String),
        severity: expect.stringMatching(/^(critical|high|medium|low)$/),
        subject: { type: expect.any(String), id: expect.any(String), label: expect.any(String) },
        reason: expect.any(String),
        remedy: { action: expect.any(String), families: expect.any(Array) },
      });
    }
    expect(view.chain.length).toBeGreaterThan(0);
    for (const cell of view.chain) {
      expect(cell).toMatchObject({ inherent: expect.any(Number), mitigation: expect.any(Number), residual: expect.any(Number), band: expect.stringMatching(/^(low|medium|high|critical)$/) });
    }

    // Same numbers as PI-1 computed directly.
    expect(view.scores.overall).toBe(result.overall.score);
    expect(view.scores.coverage).toEqual(result.overall.coverage);
    expect(view.scores.articles.map((a) => [a.framework, a.article, a.score, a.coverage])).toEqual(result.articles.map((a) => [a.frameworkId, a.article, a.score, a.coverage]));
    expect(view.criteria.map((c) => [c.id, c.derived, c.final, c.applicable, c.meetsTarget, c.override])).toEqual(
      result.criteria.map((c) => [c.id, c.derived, c.final, c.applicable, c.meetsTarget, c.override]),
    );
    expect(view.flagCounts).toEqual(result.flagCounts);
    expect(view.flags.map((f) => [f.kind, f.severity, f.subject.id, f.reason])).toEqual(result.flags.map((f) => [f.kind, f.severity, f.subject.id, f.reason]));
    expect(view.chain.map((c) => [c.stage, c.riskType, c.likelihood, c.impact, c.inherent, c.residual, c.band, c.controls])).toEqual(
      result.chain.map((c) => [c.stage, c.riskType, c.likelihood, c.impact, c.inherent, c.residualDisplay, c.band, c.controls]),
    );
    // Mitigation is the one value rounded for display: to three decimals.
    result.chain.forEach((cell, i) => expect(view.chain[i]!.mitigation).toBe(Math.round(cell.mitigation * 1000) / 1000));
  });

  it('--assessment picks a locked assessment and shows its digest', () => {
    const { pkgFile, pkg } = exportDemo();
    const view = JSON.parse(runOk(['score', pkgFile, '--assessment', 'demo-assessment-2025', '--json']).stdout) as ResultView;
    const { result, snapshot } = directScore(pkg, 'demo-assessment-2025');
    expect(view.assessment).toMatchObject({ uid: 'demo-assessment-2025', status: 'locked', digest: snapshotDigest(snapshot) });
    expect(view.asOf).toBe('2025-10-31');
    expect(view.scores.overall).toBe(result.overall.score);
    const text = runOk(['score', pkgFile, '--assessment', 'demo-assessment-2025']);
    expect(text.stdout).toContain(`digest SHA-256 ${snapshotDigest(snapshot)}`);

    const missing = runCli(['score', pkgFile, '--assessment', 'no-such']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no assessment "no-such"');
  });

  it('--as-of re-scores on another date', () => {
    const { pkgFile, pkg } = exportDemo();
    const base = JSON.parse(runOk(['score', pkgFile, '--json']).stdout) as ResultView;
    const later = JSON.parse(runOk(['score', pkgFile, '--as-of', '2030-01-01', '--json']).stdout) as ResultView;
    expect(base.asOf).toBe('2026-10-31');
    expect(later.asOf).toBe('2030-01-01');
    const { result } = directScore(pkg, undefined, '2030-01-01');
    expect(later.scores.overall).toBe(result.overall.score);
    expect(later.flagCounts).toEqual(result.flagCounts);
    const overdue = (v: ResultView) => v.flags.filter((f) => f.kind === 'overdue-review').length;
    expect(overdue(later)).toBeGreaterThan(overdue(base));
    expect(runOk(['score', pkgFile, '--as-of', '2030-01-01']).stdout).toContain('as of 2030-01-01');

    // A locked assessment re-scored on another date loses its digest, with a note.
    const locked = runOk(['score', pkgFile, '--assessment', 'demo-assessment-2025', '--as-of', '2026-06-30']);
    expect(locked.stdout).toContain('as of 2026-06-30');
    expect(locked.stdout).not.toContain('digest SHA-256');
    expect(locked.stderr).toContain('re-scored as of 2026-06-30');
  });

  it('a bad package exits 1 naming the JSON path', () => {
    const { pkg } = exportDemo();
    pkg.controls[3]!.family = 'astrology';
    pkg.controls[0]!.evidence[0]!.expiry = '2000-01-01';
    const run = runCli(['score', writeJson(pkg)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is not a valid assessment package');
    expect(run.stderr).toContain('$.controls[3].family');
    expect(run.stderr).toContain('"astrology"');
    expect(run.stderr).toContain('$.controls[0].evidence[0].expiry');
    expect(run.stdout).toBe('');

    const shape = structuredClone(pkg);
    (shape.assessments[1] as { asOf: string }).asOf = '31 October 2026';
    const shapeRun = runCli(['score', writeJson(shape)]);
    expect(shapeRun.status).toBe(1);
    expect(shapeRun.stderr).toContain('$.assessments[1].asOf');
  });

  it('invalid JSON names the line and column', () => {
    const file = join(temp.dir(), 'broken.json');
    writeFileSync(file, '{\n  "format": "permit-integrity/package",\n  oops: 1\n}\n');
    const run = runCli(['score', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('line 3, column 3');
  });

  it('a missing file exits 1 saying so', () => {
    const run = runCli(['score', join(temp.dir(), 'absent.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no such file');
  });
});

describe('import', () => {
  it('imports an exported package into a new register, and refuses it a second time naming $.authority.uid', () => {
    const { pkgFile } = exportDemo();
    const target = temp.path();
    const first = runCli(['import', pkgFile, '--db', target]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Imported "Veridia CITES Management Authority (demo)" as authority 1: 32 controls');
    const before = readDb(target, dumpTables);
    const second = runCli(['import', pkgFile, '--db', target]);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('$.authority.uid');
    expect(second.stderr).toContain('nothing was written');
    expect(readDb(target, dumpTables)).toEqual(before);
  });

  it('a bad package exits 1, names the path, and writes nothing', () => {
    const { pkg } = exportDemo();
    pkg.assessments[0]!.lock!.snapshot.controls[0]!.maturity = 0;
    const file = writeJson(pkg);
    const target = demoDb();
    const before = readDb(target, dumpTables);
    const run = runCli(['import', file, '--db', target]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('$.assessments[0].lock.digest');
    expect(run.stderr).toContain('nothing was written');
    expect(readDb(target, dumpTables)).toEqual(before);

    // Into an empty register: still no authority and no audit row.
    const empty = temp.path();
    expect(runCli(['import', file, '--db', empty]).status).toBe(1);
    if (existsSync(empty)) {
      expect(readDb(empty, (db) => db.prepare('SELECT (SELECT count(*) FROM authorities) AS a, (SELECT count(*) FROM audit_log) AS l').get())).toEqual({ a: 0, l: 0 });
    }
  });

  it('invalid JSON is refused before any register is opened', () => {
    const file = join(temp.dir(), 'broken.json');
    writeFileSync(file, '{"format": ');
    const target = temp.path();
    const run = runCli(['import', file, '--db', target]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is not valid JSON');
    expect(existsSync(target)).toBe(false);
  });
});

describe('lifecycle commands', () => {
  it('submit, review and lock; lock prints the digest of the stored snapshot', () => {
    const db = demoDb();
    const submit = runCli(['submit', '--db', db, '--assessment', '2', '--actor', 'Ana Assessor']);
    expect(submit.status).toBe(0);
    expect(submit.stdout).toContain('Assessment 2 "2026 self-assessment" submitted for review by Ana Assessor.');
    const review = runCli(['review', '--db', db, '--assessment', '2', '--actor', 'Rui Reviewer']);
    expect(review.status).toBe(0);
    expect(review.stdout).toContain('marked reviewed');
    const lock = runCli(['lock', '--db', db, '--assessment', '2', '--actor', 'Rui Reviewer']);
    expect(lock.status).toBe(0);
    const printed = /SHA-256 of its snapshot: ([0-9a-f]{64})/.exec(lock.stdout)?.[1];
    expect(printed).toBeDefined();

    const row = readDb(db, (d) => d.prepare('SELECT status, digest, snapshot FROM assessments WHERE id = 2').get() as { status: string; digest: string; snapshot: string });
    expect(row.status).toBe('locked');
    expect(row.digest).toBe(printed);
    expect(createHash('sha256').update(row.snapshot, 'utf8').digest('hex')).toBe(printed);
    expect(snapshotDigest(JSON.parse(row.snapshot))).toBe(printed);

    // --actor lands in the audit log.
    const actors = readDb(db, (d) => d.prepare("SELECT action, actor FROM audit_log WHERE entity = 'assessment' ORDER BY id").all());
    expect(actors).toEqual([
      { action: 'transition', actor: 'Ana Assessor' },
      { action: 'transition', actor: 'Rui Reviewer' },
      { action: 'lock', actor: 'Rui Reviewer' },
    ]);

    // Locked for good.
    const again = runCli(['lock', '--db', db, '--assessment', '2']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('can never change');
    const reopen = runCli(['return', '--db', db, '--assessment', '2', '--reason', 'please']);
    expect(reopen.status).toBe(1);

    // The locked assessment scores like its own package export, digest included.
    const out = join(temp.dir(), 'locked.json');
    runOk(['export', '--db', db, '--authority', '1', '--out', out]);
    const view = JSON.parse(runOk(['score', out, '--assessment', 'demo-assessment-2026', '--json']).stdout) as ResultView;
    expect(view.assessment.digest).toBe(printed);
  });

  it('--json on a lifecycle command returns the assessment row', () => {
    const db = demoDb();
    const row = JSON.parse(runOk(['submit', '--db', db, '--assessment', '2', '--json']).stdout);
    expect(row).toMatchObject({ id: 2, uid: 'demo-assessment-2026', status: 'submitted', submittedAt: expect.any(String) });
  });

  it('lock on a draft exits 1 and changes nothing', () => {
    const db = demoDb();
    const before = readDb(db, dumpTables);
    const run = runCli(['lock', '--db', db, '--assessment', '2']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cannot move an assessment from draft to locked');
    expect(readDb(db, dumpTables)).toEqual(before);
  });

  it('review of a draft, and any command on a missing assessment, exit 1', () => {
    const db = demoDb();
    expect(runCli(['review', '--db', db, '--assessment', '2']).status).toBe(1);
    const missing = runCli(['submit', '--db', db, '--assessment', '99']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('assessment 99 does not exist');
  });

  it('return sends a submitted assessment back to draft with a reason', () => {
    const db = demoDb();
    runOk(['submit', '--db', db, '--assessment', '2']);
    const run = runCli(['return', '--db', db, '--assessment', '2', '--reason', 'Evidence for 7.4 missing']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('returned to draft');
    const audit = readDb(db, (d) => d.prepare('SELECT justification FROM audit_log ORDER BY id DESC LIMIT 1').get());
    expect(audit).toEqual({ justification: 'Evidence for 7.4 missing' });
  });

  it('clone makes a new draft from the locked baseline', () => {
    const db = demoDb();
    const run = runCli(['clone', '--db', db, '--assessment', '1', '--as-of', '2027-10-31', '--title', '2027 re-assessment']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('New draft 3 "2027 re-assessment" as of 2027-10-31, cloned from demo-assessment-2025.');
    const list = JSON.parse(runOk(['list', '--db', db, '--json']).stdout) as Array<{ assessments: Array<{ id: number; status: string; asOf: string; title: string }> }>;
    expect(list[0]!.assessments.map((a) => [a.id, a.status])).toEqual([
      [1, 'locked'],
      [2, 'draft'],
      [3, 'draft'],
    ]);
    const cells = readDb(db, (d) => d.prepare('SELECT (SELECT count(*) FROM chain_cells WHERE assessment_id = 3) AS clone, (SELECT count(*) FROM chain_cells WHERE assessment_id = 1) AS source').get());
    expect(cells).toEqual({ clone: expect.any(Number), source: expect.any(Number) });
    expect((cells as { clone: number; source: number }).clone).toBe((cells as { clone: number; source: number }).source);
    // The clone can go through the lifecycle.
    runOk(['submit', '--db', db, '--assessment', '3']);
  });

  it('flags --json lists the flags with reasons and remedies, equal to score --json on the exported package', () => {
    const { db, pkgFile } = exportDemo();
    const run = runCli(['flags', '--db', db, '--assessment', '2', '--json']);
    expect(run.status).toBe(0);
    const flags = JSON.parse(run.stdout) as ResultView['flags'];
    expect(new Set(flags.map((f) => f.kind))).toEqual(new Set(FLAG_KINDS));
    for (const flag of flags) {
      expect(flag.reason.length).toBeGreaterThan(0);
      expect(flag.remedy.action.length).toBeGreaterThan(0);
    }
    const scored = JSON.parse(runOk(['score', pkgFile, '--json']).stdout) as ResultView;
    expect(flags).toEqual(scored.flags);

    const text = runOk(['flags', '--db', db, '--assessment', '2']);
    expect(text.stdout).toContain(`: ${flags.length} flags`);
    expect(text.stdout).toContain('Remedy:');
  });
});

describe('verify-audit', () => {
  it('exits 0 on an intact log and 1 on a tampered one, naming the row', () => {
    const db = demoDb();
    runOk(['submit', '--db', db, '--assessment', '2', '--actor', 'Ana Assessor']);
    runOk(['review', '--db', db, '--assessment', '2', '--actor', 'Rui Reviewer']);
    const intact = runCli(['verify-audit', '--db', db]);
    expect(intact.status).toBe(0);
    // import of the demo, the package export the shared fixture made, submit, review.
    expect(intact.stdout).toContain('Audit log intact: 4 rows');
    expect(JSON.parse(runOk(['verify-audit', '--db', db, '--json']).stdout)).toEqual({ ok: true, rows: 4 });

    const tamper = new Database(db);
    try {
      expect(() => tamper.prepare("UPDATE audit_log SET actor = 'Mallory' WHERE id = 2").run()).toThrow(/append-only/);
      tamper.exec('DROP TRIGGER audit_log_no_update');
      tamper.prepare("UPDATE audit_log SET actor = 'Mallory' WHERE id = 2").run();
    } finally {
      tamper.close();
    }
    const broken = runCli(['verify-audit', '--db', db]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('TAMPERED: row 2');
    const json = runCli(['verify-audit', '--db', db, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBadId: 2 });
  });

  it('a deleted row is reported at the next one', () => {
    const db = demoDb();
    runOk(['submit', '--db', db, '--assessment', '2', '--actor', 'Ana Assessor']);
    runOk(['review', '--db', db, '--assessment', '2', '--actor', 'Rui Reviewer']);
    const tamper = new Database(db);
    try {
      tamper.exec('DROP TRIGGER audit_log_no_delete');
      tamper.prepare('DELETE FROM audit_log WHERE id = 2').run();
    } finally {
      tamper.close();
    }
    const run = runCli(['verify-audit', '--db', db, '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, firstBadId: 3 });
  });
});

describe('summary', () => {
  it('on a new file loads the demo and prints the summary (stdin not a TTY)', () => {
    const db = join(temp.dir(), 'nested', 'folder', 'register.sqlite');
    const run = runCli(['summary', '--db', db]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`New register at ${db}: loaded the demo authority.`);
    expect(run.stdout).toContain(`Register: ${db}`);
    expect(run.stdout).toContain('Veridia CITES Management Authority (demo) — 2026 self-assessment');
    expect(run.stdout).toMatch(/Overall score \d+\.\d \/ 100/);
    expect(run.stdout).toContain('Top flags:');
    expect(run.stdout).not.toContain('[1] scores');
    expect(existsSync(db)).toBe(true);

    // The summary is the draft's score, as the pure scorer sees it.
    const pkgFile = join(temp.dir(), 'p.json');
    runOk(['export', '--db', db, '--authority', '1', '--out', pkgFile]);
    const { result } = directScore(JSON.parse(readFileSync(pkgFile, 'utf8')));
    expect(run.stdout).toContain(`Overall score ${result.overall.score!.toFixed(1)} / 100`);

    // A second summary opens the same register without loading the demo again.
    const second = runCli(['summary', '--db', db]);
    expect(second.status).toBe(0);
    expect(second.stdout).not.toContain('loaded the demo');
    expect(second.stdout).toContain(`Overall score ${result.overall.score!.toFixed(1)} / 100`);
    expect(readDb(db, (d) => d.prepare('SELECT count(*) AS n FROM authorities').get())).toEqual({ n: 1 });
  });

  it('without --db uses PERMIT_INTEGRITY_DB', () => {
    const db = join(temp.dir(), 'env-register.sqlite');
    const run = runCli(['summary'], { env: { PERMIT_INTEGRITY_DB: db } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Register: ${db}`);
    expect(existsSync(db)).toBe(true);
  });
});

describe('import-framework', () => {
  it('adds a custom framework, and an inconsistent one exits 1 naming the item and field', () => {
    const db = demoDb();
    const ok = runCli(['import-framework', writeJson(customFramework(), 'framework.json'), '--db', db]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('(consultant-extra 1.0.0) with 1 criteria');
    expect(readDb(db, (d) => d.prepare('SELECT id FROM frameworks').all())).toEqual([{ id: 'consultant-extra' }]);

    const badFile = writeJson(customFramework({ id: 'bad-one', facets: [['astrology']] }), 'bad.json');
    const bad = runCli(['import-framework', badFile, '--db', db]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('criteria[0] (X.1)');
    expect(bad.stderr).toContain('facets[0][0]');
    expect(bad.stderr).toContain('"astrology"');
    expect(readDb(db, (d) => d.prepare('SELECT id FROM frameworks').all())).toEqual([{ id: 'consultant-extra' }]);

    const builtIn = runCli(['import-framework', writeJson(customFramework({ id: 'uncac-7-12' }), 'clash.json'), '--db', db]);
    expect(builtIn.status).toBe(1);
    expect(builtIn.stderr).toContain('built-in');
  });
});

describe('register safety of the CLI', () => {
  it('--actor applies to that one command only: a later command without it is not audited under that name', () => {
    const db = temp.path('actor.sqlite');
    runOk(['demo', '--db', db]);
    expect(runCli(['lock', '--db', db, '--assessment', '2', '--actor', 'Mallory']).status).toBe(1);
    runOk(['submit', '--db', db, '--assessment', '2']);
    const check = new Database(db, { readonly: true });
    try {
      const actors = check.prepare("SELECT actor FROM audit_log WHERE action = 'transition'").all() as Array<{ actor: string }>;
      expect(actors.map((row) => row.actor)).toEqual(['Unnamed user']);
      expect(check.prepare("SELECT value FROM settings WHERE key = 'actor'").get()).toBeUndefined();
    } finally {
      check.close();
    }
  });

  it('a refused import into a register file that did not exist leaves no file behind', () => {
    const dir = temp.dir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'permit-integrity/package', version: 1 }));
    const db = join(dir, 'new.sqlite');
    const result = runCli(['import', bad, '--db', db]);
    expect(result.status).toBe(1);
    expect(readdirSync(dir)).toEqual(['bad.json']);
  });
});
