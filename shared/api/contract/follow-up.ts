import { z } from 'zod';
import { actionFields } from '../../actions/actions.js';
import type { CommentRecord } from '../../comments/comments.js';
import { commentBody, threadRef } from '../../comments/comments.js';
import { recordId } from '../../domain/inputs.js';
import { isoDate } from '../../snapshot/schema.js';
import { entry } from '../entry.js';
import type { ActionView, CalendarView } from '../results.js';

/** The users' follow-up: actions on flags, comment threads, and what falls due. */
export const followUpContract = {
  'actions.list': entry<ActionView[]>()(z.strictObject({ assessmentId: recordId })),
  'actions.create': entry<ActionView>()(z.strictObject({ assessmentId: recordId, flagKey: z.string().min(1).max(300), action: actionFields })),
  'actions.update': entry<ActionView>()(z.strictObject({ id: recordId, action: actionFields })),
  'actions.delete': entry<{ deleted: number }>()(z.strictObject({ id: recordId })),
  'comments.list': entry<CommentRecord[]>()(z.strictObject({ assessmentId: recordId })),
  'comments.add': entry<CommentRecord>()(z.strictObject({ assessmentId: recordId, thread: threadRef, body: commentBody })),
  // limit: only the first items (the Overview shows five); itemCount always counts them all.
  'calendar.get': entry<CalendarView>()(z.strictObject({ authorityId: recordId, today: isoDate, limit: z.int().min(1).max(100_000).optional() })),
  'calendar.setNextReassessment': entry<{ nextReassessment: string | null }>()(z.strictObject({ authorityId: recordId, date: isoDate.nullable() })),
};
