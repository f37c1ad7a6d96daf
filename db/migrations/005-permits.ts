import type { Database } from 'better-sqlite3';

/**
 * Permit data (PI-1.2): imports with their rejected rows, the imported
 * records, quotas, saved column mappings, the pseudonymisation key, and the
 * analysis runs with their flags and the day counts signals are built from.
 * Records belong to the import that brought them, so deleting an import
 * removes its rows; a failed import never commits (one transaction).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE permit_imports (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
      format TEXT NOT NULL CHECK (format IN ('trade-db', 'register', 'quotas')),
      files TEXT NOT NULL,
      mapping TEXT,
      pseudonymised INTEGER NOT NULL CHECK (pseudonymised IN (0, 1)),
      rows_read INTEGER NOT NULL,
      rows_stored INTEGER NOT NULL,
      rows_rejected INTEGER NOT NULL CHECK (rows_read = rows_stored + rows_rejected),
      imported_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE permit_rejects (
      import_id INTEGER NOT NULL REFERENCES permit_imports(id) ON DELETE CASCADE,
      file TEXT NOT NULL,
      line INTEGER NOT NULL,
      reason TEXT NOT NULL
    ) STRICT;
    CREATE INDEX permit_rejects_import ON permit_rejects(import_id);

    CREATE TABLE trade_records (
      import_id INTEGER NOT NULL REFERENCES permit_imports(id) ON DELETE CASCADE,
      line INTEGER NOT NULL,
      record_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      appendix TEXT NOT NULL,
      taxon TEXT NOT NULL,
      term TEXT NOT NULL,
      quantity REAL,
      unit TEXT NOT NULL,
      importer TEXT NOT NULL,
      exporter TEXT NOT NULL,
      origin TEXT NOT NULL,
      purpose TEXT NOT NULL,
      source TEXT NOT NULL,
      reporter TEXT NOT NULL CHECK (reporter IN ('E', 'I')),
      import_permit TEXT NOT NULL,
      export_permit TEXT NOT NULL,
      origin_permit TEXT NOT NULL
    ) STRICT;
    CREATE INDEX trade_records_import ON trade_records(import_id);

    CREATE TABLE register_permits (
      import_id INTEGER NOT NULL REFERENCES permit_imports(id) ON DELETE CASCADE,
      line INTEGER NOT NULL,
      number TEXT NOT NULL,
      document_type TEXT NOT NULL CHECK (document_type IN ('export', 'import', 're-export', 'certificate')),
      received_at TEXT,
      issued_at TEXT,
      officer TEXT NOT NULL,
      applicant TEXT NOT NULL,
      taxon TEXT NOT NULL,
      appendix TEXT NOT NULL,
      term TEXT NOT NULL,
      quantity REAL,
      unit TEXT NOT NULL,
      source TEXT NOT NULL,
      purpose TEXT NOT NULL,
      partner TEXT NOT NULL,
      valid_until TEXT,
      status TEXT NOT NULL CHECK (status IN ('issued', 'cancelled', 'replaced', 'used', 'expired')),
      replaces TEXT,
      endorsed_quantity REAL,
      endorsed_at TEXT,
      endorsing_officer TEXT
    ) STRICT;
    CREATE INDEX register_permits_import ON register_permits(import_id);

    CREATE TABLE permit_quotas (
      authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      country TEXT NOT NULL,
      taxon TEXT NOT NULL,
      term TEXT NOT NULL,
      unit TEXT NOT NULL,
      quota REAL NOT NULL CHECK (quota >= 0),
      PRIMARY KEY (authority_id, year, country, taxon, term, unit)
    ) STRICT;

    CREATE TABLE permit_mapping_profiles (
      name TEXT PRIMARY KEY CHECK (length(trim(name)) > 0),
      format TEXT NOT NULL CHECK (format IN ('register')),
      mapping TEXT NOT NULL,
      saved_at TEXT NOT NULL
    ) STRICT;

    -- The key officer and applicant pseudonyms are computed with; it never leaves the register.
    CREATE TABLE permit_pseudonym_keys (
      authority_id INTEGER PRIMARY KEY REFERENCES authorities(id) ON DELETE CASCADE,
      key BLOB NOT NULL CHECK (length(key) = 32)
    ) STRICT;

    CREATE TABLE permit_analyses (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      authority_id INTEGER NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
      analysed_at TEXT NOT NULL,
      input_digest TEXT NOT NULL,
      params TEXT NOT NULL,
      summary TEXT NOT NULL
    ) STRICT;

    CREATE TABLE permit_flags (
      analysis_id INTEGER NOT NULL REFERENCES permit_analyses(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('trade', 'register')),
      permit TEXT NOT NULL,
      date TEXT NOT NULL,
      taxon TEXT NOT NULL,
      officer TEXT,
      applicant TEXT,
      details TEXT NOT NULL
    ) STRICT;
    CREATE INDEX permit_flags_analysis ON permit_flags(analysis_id, kind);

    CREATE TABLE permit_flagged_days (
      analysis_id INTEGER NOT NULL REFERENCES permit_analyses(id) ON DELETE CASCADE,
      date TEXT NOT NULL,
      stage TEXT NOT NULL,
      risk_type TEXT NOT NULL,
      flagged INTEGER NOT NULL CHECK (flagged > 0)
    ) STRICT;

    CREATE TABLE permit_handled_days (
      analysis_id INTEGER NOT NULL REFERENCES permit_analyses(id) ON DELETE CASCADE,
      date TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('trade', 'register')),
      permits INTEGER NOT NULL CHECK (permits > 0)
    ) STRICT;
  `);
}
