/**
 * A control form to open pre-filled on the Register screen, asked for by
 * another screen (Gaps: "add a control for this"). Kept in sessionStorage so
 * that it survives the screen change but not the session.
 */
const DRAFT_KEY = 'permit-integrity-control-draft';

export interface ControlDraft {
  family: string;
  description: string;
}

export function requestControlDraft(draft: ControlDraft): void {
  sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
}

/** Read without removing (React may run an initializer twice); clear once the form is open. */
export function peekControlDraft(): ControlDraft | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as ControlDraft | null;
    return value && typeof value.family === 'string' && typeof value.description === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function clearControlDraft(): void {
  sessionStorage.removeItem(DRAFT_KEY);
}
