import { addComment, listComments } from '../db/comments.js';
import type { Handlers } from './handler-types.js';

export const commentHandlers: Handlers<'comments.list' | 'comments.add'> = {
  'comments.list': (register, input) => listComments(register, input.assessmentId),
  'comments.add': (register, input) => addComment(register, input.assessmentId, input.thread, input.body),
};
