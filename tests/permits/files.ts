/** Generated permit data written as the files an authority would import. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUOTA_HEADER, quotaLine, REGISTER_HEADER, REGISTER_MAPPING, registerLine, TRADE_HEADER, tradeLine } from '../../tools/permit-generator/csv.js';
import type { GeneratedData } from '../../tools/permit-generator/index.js';
import type { RegisterMapping } from '../../shared/permits/parse-row.js';

export const TRADE_HEADER_LINE = TRADE_HEADER.map((h) => `"${h}"`).join(',');
export const REGISTER_HEADER_LINE = REGISTER_HEADER.map((h) => `"${h}"`).join(',');
export const MAPPING: RegisterMapping = { columns: REGISTER_MAPPING };

/** Writes trade-db/ (split in `parts` files), register.csv and quotas.csv; returns their paths. */
export function writeGenerated(dir: string, data: GeneratedData, parts = 2): { tradeDir: string; register: string; quotas: string } {
  const tradeDir = join(dir, 'trade-db');
  mkdirSync(tradeDir, { recursive: true });
  const per = Math.ceil(data.trade.length / parts);
  for (let i = 0; i < parts; i += 1) {
    writeFileSync(join(tradeDir, `part-${i + 1}.csv`), [TRADE_HEADER_LINE, ...data.trade.slice(i * per, (i + 1) * per).map(tradeLine)].join('\n') + '\n');
  }
  const register = join(dir, 'register.csv');
  writeFileSync(register, [REGISTER_HEADER_LINE, ...data.register.map(registerLine)].join('\n') + '\n');
  const quotas = join(dir, 'quotas.csv');
  writeFileSync(quotas, [QUOTA_HEADER.join(','), ...data.quotas.map(quotaLine)].join('\n') + '\n');
  return { tradeDir, register, quotas };
}
