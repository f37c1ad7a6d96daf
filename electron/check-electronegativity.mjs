// Runs Electronegativity (Doyensec's Electron security scanner) on electron/ and
// fails on any HIGH or MEDIUM finding that electron/electronegativity-allowlist.json
// does not explain. Electronegativity itself always exits 0, hence this script.
//
// It also evaluates the renderer's real Content-Security-Policy (APP_CSP, read
// from the compiled dist/electron/security.js: run `npm run build` first) with the
// CSP evaluator Electronegativity uses, because the scanner only recognises a CSP
// set through webRequest or a <meta> tag, not one sent by a protocol handler.
//
// Offline by design: the AVAILABLE_SECURITY_FIXES global check (which downloads
// Electron's release list) is excluded, and the Electron version is given explicitly.
// Equivalent CLI: electronegativity -i electron -r -e 45.5.0 -x AvailableSecurityFixesGlobalCheck
// (run with `node --require ./electron/electronegativity-shim.cjs`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const FAILING = new Set(['HIGH', 'MEDIUM']);

/** The allowlist entry that could explain a finding: same check and file, and the sample contains `sample` if given. */
export function explanationFor(finding, allowlist) {
  return allowlist.find((entry) => entry.check === finding.check && entry.file === finding.file && (entry.sample === undefined || finding.sample.includes(entry.sample)));
}

/**
 * Matches findings to entries, each entry explaining at most `count` findings
 * (default 1). Without the count, the entry for the main window's
 * `new BrowserWindow({` would also swallow a second window created later with
 * unsafe settings in the same file: that one is now reported as unexplained.
 */
export function explainFindings(findings, allowlist) {
  const used = new Map();
  const unexplained = [];
  for (const finding of findings) {
    const entry = allowlist.find(
      (e) => (used.get(e) ?? 0) < (e.count ?? 1) && e.check === finding.check && e.file === finding.file && (e.sample === undefined || finding.sample.includes(e.sample)),
    );
    if (entry) used.set(entry, (used.get(entry) ?? 0) + 1);
    else unexplained.push(finding);
  }
  return { unexplained, stale: allowlist.filter((e) => !used.has(e)) };
}

/** Scans a folder (electron/, or a temporary copy in tests) and returns the HIGH/MEDIUM findings the allowlist does not explain. */
export async function unexplainedFindings(dir, allowlist) {
  const scan = await runScanner(dir);
  const serious = scan.findings.filter((f) => FAILING.has(f.severity));
  return { ...scan, serious, ...explainFindings(serious, allowlist) };
}

/**
 * Electronegativity's programmatic API, in this process. (Its CLI's CSV writer races
 * two asynchronous writes, header and rows, and sometimes loses rows; its SARIF carries
 * no severity. The API returns the findings themselves, and the files it could not parse.)
 */
async function runScanner(dir = join(root, 'electron')) {
  require('./electronegativity-shim.cjs');
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const result = await run(
    {
      input: dir,
      isRelative: true,
      electronVersionOverride: electronVersion,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      parserPlugins: [],
    },
    false,
  );
  const findings = result.issues.map((issue) => ({
    check: issue.id,
    severity: String(issue.severity.name).toUpperCase(),
    confidence: String(issue.confidence.name),
    file: issue.file,
    location: `${issue.location.line}:${issue.location.column}`,
    sample: issue.sample ?? '',
    description: issue.description,
  }));
  return { electronVersion, findings, unparsed: result.errors.filter((error) => !error.tolerable) };
}

async function checkCsp() {
  let security;
  try {
    security = await import(pathToFileURL(join(root, 'dist', 'electron', 'security.js')).href);
  } catch {
    throw new Error('dist/electron/security.js is missing: run `npm run build` before this check');
  }
  const csp = require('@doyensec/csp-evaluator');
  const findings = new csp.CspEvaluator(new csp.CspParser(security.APP_CSP).csp, csp.Version.CSP3).evaluate();
  const name = (severity) => Object.keys(csp.severities).find((key) => csp.severities[key] === severity) ?? String(severity);
  // HIGH_MAYBE and SYNTAX count as failures too; MEDIUM_MAYBE ('self' could host JSONP or uploads) is reported.
  const failing = findings.filter((f) => [csp.severities.HIGH, csp.severities.MEDIUM, csp.severities.HIGH_MAYBE, csp.severities.SYNTAX].includes(f.severity));
  return { csp: security.APP_CSP, failing, notes: findings.filter((f) => !failing.includes(f)), name };
}

async function main() {
  const allowlist = JSON.parse(readFileSync(new URL('./electronegativity-allowlist.json', import.meta.url), 'utf8')).findings;
  const scan = await unexplainedFindings(join(root, 'electron'), allowlist);
  const { findings, serious, unexplained, stale } = scan;

  console.log(`Electronegativity on electron/ (Electron ${scan.electronVersion}): ${findings.length} findings, ${serious.length} HIGH/MEDIUM, ${serious.length - unexplained.length} of them explained in electron/electronegativity-allowlist.json.`);
  for (const f of findings.filter((x) => !FAILING.has(x.severity))) console.log(`  note ${f.severity} ${f.check} ${f.file}:${f.location}`);
  for (const entry of stale) console.log(`  allowlist entry no longer needed: ${entry.check} ${entry.file}${entry.sample ? ` (${entry.sample})` : ''}`);

  const csp = await checkCsp();
  console.log(`CSP evaluator on APP_CSP: ${csp.failing.length} HIGH/MEDIUM findings.`);
  for (const f of csp.notes) console.log(`  note ${csp.name(f.severity)} ${f.directive}: ${f.description}`);

  let failed = false;
  for (const error of scan.unparsed) {
    failed = true;
    console.error(`NOT SCANNED ${error.file}: ${error.message}`);
  }
  for (const f of unexplained) {
    failed = true;
    console.error(`UNEXPLAINED ${f.severity} ${f.check} at ${f.file}:${f.location}: ${f.description}\n    ${f.sample}`);
  }
  for (const f of csp.failing) {
    failed = true;
    console.error(`CSP ${csp.name(f.severity)} ${f.directive}: ${f.description}`);
  }
  if (failed) {
    console.error('Fix the finding, or explain why it does not apply in electron/electronegativity-allowlist.json and docs/security.md.');
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
