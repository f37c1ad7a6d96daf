import { describe, expect, it } from 'vitest';
import { daysBetween, dueList, reviewDue, type DueSources } from '../../shared/calendar/due-list.js';
import { overviewTrend } from '../../shared/trend/overview-trend.js';

const TODAY = '2026-11-28';

function sources(partial: Partial<DueSources>): DueSources {
  return { controls: [], actions: [], nextReassessment: null, ...partial };
}

describe('due list', () => {
  it('counts days across months and leap years', () => {
    expect(daysBetween('2026-11-28', '2027-01-27')).toBe(60);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-11-28', '2026-11-01')).toBe(-27);
    expect(reviewDue('2025-12-15')).toBe('2026-12-15');
    expect(reviewDue(null)).toBeNull();
  });

  it('lists reviews overdue or due within 60 days, never-reviewed controls first, and leaves later ones out', () => {
    const list = dueList(
      sources({
        controls: [
          { uid: 'c1', title: 'Overdue', lastReviewed: '2025-10-01', evidence: [] },
          { uid: 'c2', title: 'Due on day 60', lastReviewed: '2026-01-27', evidence: [] },
          { uid: 'c3', title: 'Due on day 61', lastReviewed: '2026-01-28', evidence: [] },
          { uid: 'c4', title: 'Never reviewed', lastReviewed: null, evidence: [] },
        ],
      }),
      TODAY,
    );
    expect(list.map((i) => [i.title, i.due, i.days, i.overdue])).toEqual([
      ['Never reviewed', null, null, true],
      ['Overdue', '2026-10-01', -58, true],
      ['Due on day 60', '2027-01-27', 60, false],
    ]);
  });

  it('lists evidence expiring within 60 days (not what has already expired) and active, dated, uncarried actions', () => {
    const list = dueList(
      sources({
        controls: [
          {
            uid: 'c1',
            title: 'Training',
            lastReviewed: '2026-10-01',
            evidence: [
              { uid: 'e1', title: 'Expires soon', expiry: '2026-12-10' },
              { uid: 'e2', title: 'Expired', expiry: '2026-11-27' },
              { uid: 'e3', title: 'No expiry', expiry: null },
              { uid: 'e4', title: 'Expires later', expiry: '2027-06-01' },
            ],
          },
        ],
        actions: [
          { uid: 'a1', title: 'Overdue action', owner: 'HR', due: '2026-11-01', status: 'open', carriedTo: null },
          { uid: 'a2', title: 'Done action', owner: 'HR', due: '2026-12-01', status: 'done', carriedTo: null },
          { uid: 'a3', title: 'Carried action', owner: 'HR', due: '2026-12-01', status: 'open', carriedTo: 'a9' },
          { uid: 'a4', title: 'Undated action', owner: 'HR', due: null, status: 'in-progress', carriedTo: null },
          { uid: 'a5', title: 'Soon action', owner: 'Legal', due: '2026-12-10', status: 'in-progress', carriedTo: null },
        ],
        nextReassessment: '2027-01-15',
      }),
      TODAY,
    );
    expect(list.map((i) => [i.kind, i.key, i.due, i.detail])).toEqual([
      ['action', 'action/a1', '2026-11-01', 'HR'],
      ['evidence-expiry', 'evidence/e1', '2026-12-10', 'Training'],
      ['action', 'action/a5', '2026-12-10', 'Legal'],
      ['reassessment', 'reassessment', '2027-01-15', ''],
    ]);
  });

  it('depends only on the date passed in', () => {
    const input = sources({ controls: [{ uid: 'c', title: 'C', lastReviewed: '2026-01-01', evidence: [] }] });
    expect(dueList(input, '2026-10-01')).toHaveLength(0);
    expect(dueList(input, '2026-11-02')).toHaveLength(1);
    expect(() => dueList(input, '2026-13-01')).toThrow(/today/);
  });
});

describe('overview trend', () => {
  const a = (id: number, asOf: string, status: string, overall: number | null) => ({ id, title: `A${id}`, asOf, createdAt: `${asOf}T00:00:00Z`, status, overall });
  it('orders by as-of date and measures the change since the last locked assessment before the selected one', () => {
    const list = [a(3, '2026-10-31', 'draft', 53.7), a(1, '2024-10-31', 'locked', 40.2), a(2, '2025-10-31', 'locked', 48.1)];
    const trend = overviewTrend(list, 3);
    expect(trend.points.map((p) => p.id)).toEqual([1, 2, 3]);
    expect(trend.baseline?.id).toBe(2);
    expect(trend.change).toBe(5.6);
    expect(overviewTrend(list, 2)).toMatchObject({ baseline: { id: 1 }, change: 7.9 });
    expect(overviewTrend(list, 1)).toMatchObject({ baseline: null, change: null });
    expect(overviewTrend([a(1, '2024-10-31', 'locked', null), a(2, '2025-10-31', 'draft', 10)], 2).change).toBeNull();
  });
});
