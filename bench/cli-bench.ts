import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemo } from '../db/demo.js';
import { exportPackage } from '../db/package-export.js';
import { closeRegister, openRegister } from '../db/register.js';
import { recordRatio, sideBySide } from './harness.js';
import { writeFileSync } from 'node:fs';

/** The CLI as npx runs it: dist/cli/bin.js (the rolldown bundle after npm run build). */
const BIN = fileURLToPath(new URL('../cli/bin.js', import.meta.url));

function node(args: string[]): () => void {
  return () => {
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  };
}

/** CLI start-up, each command a fresh process, side by side with a bare `node -e ''`. */
export async function cliBench(folder: string): Promise<void> {
  console.log("\nCLI start-up against node -e '' (child processes, alternating)");
  const db = join(folder, 'cli-bench.sqlite');
  const register = openRegister(db);
  createDemo(register);
  const pkg = join(folder, 'cli-bench-package.json');
  writeFileSync(pkg, JSON.stringify(exportPackage(register, 1)));
  closeRegister(register);
  const bare = node(['-e', '']);
  recordRatio('CLI --help', await sideBySide(bare, node([BIN, '--help'])), "node -e ''", 2);
  recordRatio('CLI score (demo package)', await sideBySide(bare, node([BIN, 'score', pkg])), "node -e ''", 2);
  recordRatio('CLI report --format csv (demo draft)', await sideBySide(bare, node([BIN, 'report', '--db', db, '--assessment', '2', '--format', 'csv', '--out', join(folder, 'cli-bench.csv')])), "node -e ''", 3);
}
