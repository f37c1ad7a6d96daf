import { z } from 'zod';

/**
 * Comment threads of an assessment: one per criterion, one per chain cell
 * (`stage/riskType`), and one for the assessment as a whole, where a reason
 * to return it to draft lands when no criterion or cell is named.
 */
export const THREAD_TYPES = ['assessment', 'criterion', 'cell'] as const;
export type ThreadType = (typeof THREAD_TYPES)[number];

export const COMMENT_KINDS = ['comment', 'return-reason'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export const MAX_COMMENT_LENGTH = 10_000;

export const threadRef = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('assessment'), id: z.literal('').default('') }),
  z.strictObject({ type: z.literal('criterion'), id: z.string().min(1).max(50) }),
  z.strictObject({ type: z.literal('cell'), id: z.string().regex(/^[a-z][a-z0-9_]*\/[a-z][a-z0-9_]*$/, 'must be stage/riskType') }),
]);
export type ThreadRef = z.input<typeof threadRef>;

export const commentBody = z.string().trim().min(1, 'must not be empty').max(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`);

export interface CommentRecord {
  id: number;
  uid: string;
  assessmentId: number;
  threadType: ThreadType;
  threadId: string;
  kind: CommentKind;
  author: string;
  body: string;
  createdAt: string;
}

/** The key a screen groups comments by: `criterion:7.1.a`, `cell:issuance/bribery`, `assessment:`. */
export function threadKey(ref: { type: ThreadType; id: string } | { threadType: ThreadType; threadId: string }): string {
  return 'type' in ref ? `${ref.type}:${ref.id}` : `${ref.threadType}:${ref.threadId}`;
}

/** Comments grouped by thread, oldest first in each. */
export function groupByThread(comments: readonly CommentRecord[]): Map<string, CommentRecord[]> {
  const out = new Map<string, CommentRecord[]>();
  const sorted = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  for (const c of sorted) {
    const key = threadKey(c);
    const list = out.get(key) ?? [];
    list.push(c);
    out.set(key, list);
  }
  return out;
}
