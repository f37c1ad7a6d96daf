import type { QuotaRow, RegisterPermit, TradeRecord } from '../../shared/permits/records.js';
import { generateRegister, REGISTER_RATES, type RegisterRates } from './register.js';
import { Random } from './random.js';
import { generateTrade, TRADE_RATES, type Planted, type TradeRates } from './trade.js';

export type { Planted } from './trade.js';

export interface GeneratorOptions {
  seed: number;
  tradeRows: number;
  registerRows: number;
  /** False writes clean data: no planted anomaly at all. */
  anomalies: boolean;
  tradeRates?: TradeRates;
  registerRates?: RegisterRates;
}

export interface GeneratedData {
  trade: TradeRecord[];
  register: RegisterPermit[];
  quotas: QuotaRow[];
  /** Every planted anomaly: its kind and the permit key the rule must flag. */
  planted: Planted[];
}

/** Deterministic for a seed: the same options always give the same records. */
export function generatePermitData(options: GeneratorOptions): GeneratedData {
  const random = new Random(options.seed);
  const trade = generateTrade(random, options.tradeRows, options.anomalies ? (options.tradeRates ?? TRADE_RATES) : null);
  const register = generateRegister(random, options.registerRows, options.anomalies ? (options.registerRates ?? REGISTER_RATES) : null);
  return { trade: trade.trade, quotas: trade.quotas, register: register.register, planted: [...trade.planted, ...register.planted] };
}
