import type { Database } from 'better-sqlite3';

/**
 * Action plans and comment threads. Actions are deliberately NOT frozen by a
 * lock: the plan of a locked assessment is carried out after it is signed off.
 * Comments are part of the review of a draft, so a locked assessment's thread
 * is closed like its inputs (the triggers below).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE actions (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
      flag_key TEXT NOT NULL,
      flag_kind TEXT NOT NULL,
      severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
      subject_label TEXT NOT NULL,
      title TEXT NOT NULL CHECK (length(trim(title)) > 0),
      owner TEXT NOT NULL DEFAULT '',
      due TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done', 'accepted-risk')),
      justification TEXT NOT NULL DEFAULT '',
      control_uids TEXT NOT NULL DEFAULT '[]',
      notes TEXT NOT NULL DEFAULT '',
      carried_from TEXT,
      carried_to TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (assessment_id, flag_key),
      CHECK (status <> 'accepted-risk' OR length(trim(justification)) > 0)
    ) STRICT;
    CREATE INDEX actions_by_assessment ON actions (assessment_id);

    CREATE TABLE comments (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
      thread_type TEXT NOT NULL CHECK (thread_type IN ('assessment', 'criterion', 'cell')),
      thread_id TEXT NOT NULL,
      kind TEXT NOT NULL DEFAULT 'comment' CHECK (kind IN ('comment', 'return-reason')),
      author TEXT NOT NULL,
      body TEXT NOT NULL CHECK (length(trim(body)) > 0),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX comments_by_thread ON comments (assessment_id, thread_type, thread_id);

    CREATE TRIGGER comments_locked_insert BEFORE INSERT ON comments
    WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'locked'
    BEGIN SELECT RAISE(ABORT, 'locked assessment: it can never change; clone it to start a new draft'); END;

    CREATE TRIGGER comments_no_update BEFORE UPDATE ON comments
    BEGIN SELECT RAISE(ABORT, 'a comment is never edited; post a new one'); END;

    CREATE TRIGGER comments_locked_delete BEFORE DELETE ON comments
    WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'locked'
    BEGIN SELECT RAISE(ABORT, 'locked assessment: it can never change; clone it to start a new draft'); END;
  `);
}
