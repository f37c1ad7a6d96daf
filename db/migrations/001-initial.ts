import type { Database } from 'better-sqlite3';

/** The register's tables. STRICT tables and CHECKs make bad rows impossible, not just unlikely. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE authorities (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      country TEXT NOT NULL DEFAULT '',
      level TEXT NOT NULL DEFAULT 'national' CHECK (level IN ('national', 'subnational')),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE frameworks (
      id TEXT PRIMARY KEY,
      version TEXT NOT NULL,
      title TEXT NOT NULL,
      definition TEXT NOT NULL,
      imported_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE controls (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      authority_id INTEGER NOT NULL REFERENCES authorities (id) ON DELETE CASCADE,
      family TEXT NOT NULL,
      title TEXT NOT NULL CHECK (length(trim(title)) > 0),
      description TEXT NOT NULL DEFAULT '',
      owner TEXT NOT NULL DEFAULT '',
      maturity INTEGER NOT NULL CHECK (maturity BETWEEN 0 AND 4),
      last_reviewed TEXT,
      stages TEXT,
      risk_types TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX controls_by_authority ON controls (authority_id);

    CREATE TABLE evidence (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      control_id INTEGER NOT NULL REFERENCES controls (id) ON DELETE CASCADE,
      title TEXT NOT NULL CHECK (length(trim(title)) > 0),
      date TEXT NOT NULL,
      expiry TEXT,
      file_name TEXT,
      file_sha256 TEXT,
      file_size INTEGER,
      media_type TEXT,
      created_at TEXT NOT NULL,
      CHECK ((file_name IS NULL) = (file_sha256 IS NULL)),
      CHECK (expiry IS NULL OR expiry >= date)
    ) STRICT;
    CREATE INDEX evidence_by_control ON evidence (control_id);

    CREATE TABLE evidence_files (
      evidence_id INTEGER PRIMARY KEY REFERENCES evidence (id) ON DELETE CASCADE,
      content BLOB NOT NULL
    ) STRICT;

    CREATE TABLE assessments (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      authority_id INTEGER NOT NULL REFERENCES authorities (id) ON DELETE CASCADE,
      title TEXT NOT NULL CHECK (length(trim(title)) > 0),
      as_of TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'reviewed', 'locked')),
      frameworks TEXT NOT NULL,
      methodology TEXT NOT NULL,
      methodology_version TEXT NOT NULL,
      cloned_from TEXT,
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      submitted_at TEXT,
      reviewed_at TEXT,
      locked_at TEXT,
      snapshot TEXT,
      digest TEXT,
      CHECK ((status = 'locked') = (snapshot IS NOT NULL AND digest IS NOT NULL))
    ) STRICT;
    CREATE INDEX assessments_by_authority ON assessments (authority_id);

    CREATE TABLE criterion_inputs (
      assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
      criterion_id TEXT NOT NULL,
      override_maturity INTEGER CHECK (override_maturity BETWEEN 0 AND 4),
      override_justification TEXT,
      applicable INTEGER CHECK (applicable IN (0, 1)),
      applicability_justification TEXT,
      notes TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (assessment_id, criterion_id),
      CHECK (override_maturity IS NULL OR length(trim(override_justification)) > 0),
      CHECK (applicable IS NULL OR length(trim(applicability_justification)) > 0)
    ) STRICT;

    CREATE TABLE chain_cells (
      assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
      stage TEXT NOT NULL,
      risk_type TEXT NOT NULL,
      likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
      impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
      PRIMARY KEY (assessment_id, stage, risk_type)
    ) STRICT;

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      field TEXT,
      old_value TEXT,
      new_value TEXT,
      justification TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
  `);
}
