import { readFileSync } from 'node:fs';
import { parseHead, type AuditHead } from '../../db/audit-head.js';
import { writePrivateFile } from '../../db/keys.js';
import { parse, requireString } from '../args.js';
import { printJson, withApi, type Output } from '../context.js';
import { InputError, UsageError } from '../errors.js';
import { headClaimedBy } from '../verify/claimed-head.js';

const DB = { db: { type: 'string' }, actor: { type: 'string' } } as const;

/**
 * Walks the hash chain (edits, removals and insertions before the end) and,
 * given a head kept elsewhere, checks the log still reaches it (rows cut off
 * at the end leave a shorter chain that links perfectly: only a head shows it).
 */
export async function verifyAuditCommand(argv: string[], io: Output): Promise<number> {
  const { values } = parse(argv, { ...DB, 'expect-head': { type: 'string' }, package: { type: 'string' }, report: { type: 'string' } });
  const sources = ['expect-head', 'package', 'report'].filter((k) => values[k] !== undefined);
  if (sources.length > 1) throw new UsageError('give one of --expect-head, --package or --report');
  let expected: AuditHead | null = null;
  if (typeof values['expect-head'] === 'string') expected = parseHeadOrUsage(values['expect-head']);
  else if (typeof values.package === 'string' || typeof values.report === 'string') expected = parseHead(await headClaimedBy(String(values.package ?? values.report)));
  const head = expected;
  const result = await withApi(values, async (api) => ({
    chain: await api('audit.verify', {}),
    head: head ? { ...(await api('trust.checkHead', { head: `${head.rows}:${head.hash}` })), expected: head } : null,
  }));
  const ok = result.chain.ok && (result.head?.ok ?? true);
  if (values.json) {
    printJson(io, { ...result.chain, ...(result.head ? { head: result.head } : {}), ok });
    return ok ? 0 : 1;
  }
  if (result.chain.ok) io.out(`Audit log intact: ${result.chain.rows} rows, every hash and link verified.`);
  else io.out(`Audit log TAMPERED: row ${result.chain.firstBadId} fails: ${result.chain.reason}. Rows from ${result.chain.firstBadId} on cannot be trusted.`);
  if (result.head?.ok) io.out(`Head ${result.head.expected.rows}:${result.head.expected.hash} is still in the log: nothing recorded up to it was cut off.`);
  else if (result.head) io.out(`Audit log TRUNCATED or rewritten: ${result.head.reason}.`);
  else io.out('No head given: rows cut off at the end would not show. Pass --expect-head COUNT:HASH from a package, report or your notes.');
  return ok ? 0 : 1;
}

function parseHeadOrUsage(text: string): AuditHead {
  try {
    return parseHead(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Shows the register's signing key fingerprint; exports it (0600 file) or imports one. */
export async function keyCommand(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, { ...DB, export: { type: 'string' }, import: { type: 'string' }, confirm: { type: 'boolean' } });
  if (values.export && values.import) throw new UsageError('give --export or --import, not both');
  const info = await withApi(values, async (api) => {
    if (typeof values.export === 'string') writePrivateFile(values.export, (await api('trust.exportKey', {})).keyFile);
    if (typeof values.import === 'string') {
      let text: string;
      try {
        text = readFileSync(values.import, 'utf8');
      } catch (error) {
        throw new InputError(`cannot read ${values.import}: ${(error as Error).message}`);
      }
      await api('trust.importKey', { keyFile: text, confirm: values.confirm === true });
    }
    return { ...(await api('trust.key', {})), trusted: await api('trust.list', {}) };
  });
  if (values.json) return printJson(io, info);
  io.out(info.fingerprint ? `Signing key fingerprint: ${info.fingerprint}${info.canSign ? '' : `\nThis machine cannot sign with it: ${info.problem}`}` : 'This register has no signing key yet: the first lock creates one.');
  if (typeof values.export === 'string') io.out(`Key written to ${values.export} (permissions 0600). It holds the SECRET key: keep it offline.`);
  io.out(`Four-eyes rule: ${info.fourEyes ? 'on' : 'OFF'}.`);
  for (const t of info.trusted) io.out(`Trusted: ${t.authorityName} (${t.authorityUid}) key ${t.fingerprint} since ${t.trustedAt}`);
}

export async function fourEyesCommand(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, { ...DB, on: { type: 'boolean' }, off: { type: 'boolean' }, reason: { type: 'string' } });
  if (Boolean(values.on) === Boolean(values.off)) throw new UsageError('give --on or --off');
  const on = values.on === true;
  const reason = on ? (typeof values.reason === 'string' ? values.reason : null) : requireString(values, 'reason');
  await withApi(values, (api) => api('trust.fourEyes', { required: on, ...(reason ? { justification: reason } : {}) }));
  io.out(`Four-eyes rule ${on ? 'on' : 'off'}.`);
}
