import { METHODOLOGY_VERSION } from '../../shared/methodology/version.js';
import { describe, expect, it } from 'vitest';
import { assess } from '../../shared/methodology/assess.js';
import { cellSignal, suggestedLikelihood } from '../../shared/methodology/permit-signal.js';
import { PERMIT_FLAG_MAPPING, sourcesAtStage } from '../../shared/permits/mapping.js';
import { PERMIT_FLAG_KINDS, type PermitFlag } from '../../shared/permits/records.js';
import { flaggedDays, handledDays, signalCounts, signalWindow } from '../../shared/permits/signals.js';
import { flagText } from '../../shared/report/flag-text.js';
import { canonicalJson, sha256Hex, snapshotDigest } from '../../shared/snapshot/canonical.js';
import { snapshotSchema } from '../../shared/snapshot/schema.js';
import { builtInLibrary } from '../../shared/library/builtin.js';
import { builtInSnapshot } from '../methodology/fixtures.js';

const flag = (kind: PermitFlag['kind'], permit: string, date: string): PermitFlag => ({ kind, source: PERMIT_FLAG_MAPPING[kind].source, permit, date, taxon: 't', officer: null, applicant: null, details: {} });

describe('flag kind → chain cell mapping', () => {
  it('places every kind in a stage and risk type of the built-in library', () => {
    const library = builtInLibrary();
    const stages = new Set(library.stages.map((s) => s.id));
    const risks = new Set(library.riskTypes.map((r) => r.id));
    for (const kind of PERMIT_FLAG_KINDS) {
      expect(stages.has(PERMIT_FLAG_MAPPING[kind].stage), kind).toBe(true);
      expect(risks.has(PERMIT_FLAG_MAPPING[kind].riskType), kind).toBe(true);
    }
    expect(sourcesAtStage('permit_issuance')).toEqual(['register', 'trade']);
    expect(sourcesAtStage('application_intake')).toEqual(['register']);
  });
});

describe('suggested likelihood (PI-1.2)', () => {
  it('is 1 below 1 per 1,000, 2 below 5, 3 below 20, 4 below 50, 5 from 50', () => {
    expect([0, 0.99, 1, 4.99, 5, 19.99, 20, 49.99, 50, 1000].map(suggestedLikelihood)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('is per 1,000 permits handled, and absent without permits', () => {
    expect(cellSignal({ flagged: 3, handled: 200 })).toEqual({ flagged: 3, handled: 200, perThousand: 15, suggestedLikelihood: 3 });
    expect(cellSignal({ flagged: 0, handled: 0 })).toBeNull();
  });
});

describe('signal counts over the 12 months before the as-of date', () => {
  it('counts distinct flagged permits per cell and distinct permits per stage inside the window only', () => {
    expect(signalWindow('2026-06-30')).toEqual({ from: '2025-06-30', to: '2026-06-30' });
    const flags = [
      flag('out-of-hours', 'A', '2026-01-10'),
      flag('out-of-hours', 'A', '2026-01-10'),
      // processing-time belongs to another cell (application_intake × bribery).
      flag('processing-time', 'A', '2026-01-10'),
      flag('out-of-hours', 'B', '2025-06-30'), // on the window's open edge: outside
      flag('appendix-i-commercial-wild', 'T1', '2025-12-31'),
    ];
    const permits = [
      ...['A', 'B', 'C', 'D'].map((p) => ({ source: 'register' as const, permit: p, date: '2026-01-10' })),
      { source: 'trade' as const, permit: 'T1', date: '2025-12-31' },
      { source: 'trade' as const, permit: 'T1', date: '2024-12-31' },
      { source: 'register' as const, permit: 'OLD', date: '2024-01-01' },
    ];
    const cells = signalCounts(flaggedDays(flags), handledDays(permits), '2026-06-30');
    const byCell = Object.fromEntries(cells.map((c) => [`${c.stage}/${c.riskType}`, [c.flagged, c.handled]]));
    expect(byCell['permit_issuance/bribery']).toEqual([1, 5]);
    expect(byCell['permit_issuance/abuse_of_functions']).toEqual([1, 5]);
    expect(byCell['application_intake/bribery']).toEqual([1, 4]);
    expect(byCell['operation_registration/laundering']).toEqual([0, 1]);
  });
});

describe('data-contradicts-likelihood and snapshots', () => {
  const signals = (flagged: number, handled: number) => ({
    analysis: { uid: 'run-1', inputDigest: 'a'.repeat(64), analysedAt: '2026-06-01T10:00:00.000Z' },
    window: { from: '2025-06-30', to: '2026-06-30' },
    cells: [{ stage: 'permit_issuance', riskType: 'bribery', flagged, handled }],
  });

  it('is raised (medium) when the suggestion exceeds the rating by 2 or more, naming both figures', () => {
    const chain = [{ stage: 'permit_issuance', riskType: 'bribery', likelihood: 2, impact: 4 }];
    const raised = assess({ ...builtInSnapshot({ chain }), permitSignals: signals(5, 1000) });
    const cell = raised.chain.find((c) => c.stage === 'permit_issuance' && c.riskType === 'bribery')!;
    expect(cell.signal).toEqual({ flagged: 5, handled: 1000, perThousand: 5, suggestedLikelihood: 3 });
    expect(cell.likelihood).toBe(2);
    expect(raised.flags.filter((f) => f.kind === 'data-contradicts-likelihood')).toEqual([]);

    const higher = assess({ ...builtInSnapshot({ chain }), permitSignals: signals(20, 1000) });
    const flags = higher.flags.filter((f) => f.kind === 'data-contradicts-likelihood');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: 'medium', subject: { id: 'permit_issuance/bribery' }, params: { suggested: 4, likelihood: 2, perThousand: 20 } });
    expect(flags[0]!.reason).toContain('suggests likelihood 4; the assessor rated it 2');
    // The rating stays the assessor's.
    expect(higher.chain.find((c) => c.stage === 'permit_issuance' && c.riskType === 'bribery')!.likelihood).toBe(2);
    // Cells without counts get a null signal once the snapshot has signals.
    expect(higher.chain.find((c) => c.stage === 'application_intake' && c.riskType === 'bribery')!.signal).toBeNull();
  });

  it('speaks French and Spanish', () => {
    const chain = [{ stage: 'permit_issuance', riskType: 'bribery', likelihood: 1, impact: 4 }];
    const snapshot = { ...builtInSnapshot({ chain }), permitSignals: signals(60, 1000) };
    const f = assess(snapshot).flags.find((x) => x.kind === 'data-contradicts-likelihood')!;
    for (const [lang, words] of [['fr', 'probabilité de 5'], ['es', 'probabilidad de 5']] as const) {
      const text = flagText(lang, snapshot);
      expect(text.reason(f)).toContain(words);
      expect(text.reason(f)).toContain('60');
      expect(text.remedy(f)).not.toBe(f.remedy.action);
    }
  });

  it('a snapshot without permit data keeps the digest and result it had before PI-1.2', () => {
    // Captured from the code before permit signals existed (commit 00fe1a5).
    const snapshot = builtInSnapshot();
    expect(snapshotDigest(snapshot)).toBe('76f9ffea89488fc31ae22713afdfbfa4d7006309d43a505225e5da159e905df1');
    // PI-1.3 (the offences pack) added two result fields, empty without the pack; the rest is byte-identical.
    const { sections, offences, methodology, ...rest } = assess(snapshot);
    expect([sections, offences]).toEqual([[], []]);
    // The result names the version that computed it (1.3.0 now, 1.0.0 then); with that label as it was, the bytes are the same.
    expect(methodology).toEqual({ id: 'PI-1', version: METHODOLOGY_VERSION });
    const result = { ...rest, methodology: { id: 'PI-1', version: '1.0.0' } };
    expect(sha256Hex(canonicalJson(result))).toBe('711176d5d1787e2426ebe354285905eb651060e0053fdfdf2c173ef79a558f83');
    expect('permitSignals' in snapshot).toBe(false);
  });

  it('a snapshot with signals carries them in its digest and validates them', () => {
    const withSignals = builtInSnapshot({ permitSignals: signals(3, 100) });
    expect(snapshotSchema.parse(JSON.parse(canonicalJson(withSignals))).permitSignals?.cells[0]?.flagged).toBe(3);
    const changed = builtInSnapshot({ permitSignals: signals(4, 100) });
    expect(snapshotDigest(changed)).not.toBe(snapshotDigest(withSignals));
    expect(snapshotSchema.safeParse({ ...withSignals, permitSignals: signals(101, 100) }).success).toBe(false);
  });
});
