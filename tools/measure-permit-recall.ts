import { analysePermits } from '../shared/permits/analyse.js';
import { PERMIT_FLAG_KINDS } from '../shared/permits/records.js';
import { FALSE_POSITIVE_BUDGET, flagRates } from './permit-generator/budget.js';
import { generatePermitData } from './permit-generator/index.js';

/**
 * Recall and clean flag rates at full size, by hand (too slow for the test suite):
 *   node --max-old-space-size=6144 dist/tools/measure-permit-recall.js [TRADE_ROWS] [REGISTER_ROWS] [SEED]
 */
const [trade = 1_000_000, register = 1_000_000, seed = 11] = process.argv.slice(2).map(Number);
for (const anomalies of [true, false]) {
  const started = Date.now();
  const data = generatePermitData({ seed, tradeRows: trade, registerRows: register, anomalies });
  const generated = Date.now();
  const flags = analysePermits(data);
  const analysed = Date.now();
  const found = new Set(flags.map((f) => `${f.kind}|${f.permit}`));
  const rates = flagRates(flags, data);
  console.log(`${anomalies ? 'planted' : 'clean'}: ${data.trade.length} trade lines, ${data.register.length} register permits; generated in ${generated - started} ms, analysed in ${analysed - generated} ms`);
  for (const kind of PERMIT_FLAG_KINDS) {
    const planted = data.planted.filter((p) => p.kind === kind);
    const hit = planted.filter((p) => found.has(`${p.kind}|${p.permit}`)).length;
    console.log(`  ${kind.padEnd(28)} ${anomalies ? `planted ${planted.length}, found ${hit}` : `flag rate ${(rates[kind] * 100).toFixed(3)} % (budget ${(FALSE_POSITIVE_BUDGET[kind] * 100).toFixed(1)} %)`}`);
  }
}
