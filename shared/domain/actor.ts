/**
 * The name the audit log records when the user has not said who they are.
 * Shared so that the app can tell "no name set yet" from a real name and ask
 * for one before a lifecycle step, instead of letting the four-eyes rule refuse it.
 */
export const DEFAULT_ACTOR = 'Unnamed user';
