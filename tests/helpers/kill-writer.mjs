// A child process for the kill -9 test: opens a register (compiled code in dist/),
// writes as fast as it can and prints each change's uid only after its transaction
// committed. The parent kills it at a random moment with SIGKILL.
import { openRegister } from '../../dist/db/register.js';
import { createAuthority } from '../../dist/db/authorities.js';
import { createControl } from '../../dist/db/controls.js';

const [file, prefix] = process.argv.slice(2);
const register = openRegister(file, { keys: null, busyTimeoutMs: 10_000 });
register.actor = `writer ${prefix}`;
for (let i = 0; ; i += 1) {
  const authority = createAuthority(register, { name: `Authority ${prefix}-${i}`, country: 'Killland', level: 'national', notes: 'x'.repeat(i % 500) });
  createControl(register, authority.id, { family: 'vetting', title: `Control ${prefix}-${i}`, owner: 'HR', maturity: i % 5, lastReviewed: null });
  process.stdout.write(`${authority.uid}\n`);
}
