import type { Register } from './register.js';

/**
 * A readable name for every entity id the audit log mentions: the current
 * name where the record still exists, else the name it had when it was
 * created, imported or deleted (the audit log keeps that). Criterion and
 * chain entries are named by their assessment and criterion or cell.
 */
export function auditLabels(register: Register): Record<string, string> {
  const labels: Record<string, string> = {};
  const remember = (id: string, value: unknown) => {
    if (typeof value === 'string' && value.trim() && !(id in labels)) labels[id] = value;
  };
  // Names from the log first pass: newest wins for deleted records.
  const logged = register.db.prepare("SELECT entity_id AS id, old_value AS oldValue, new_value AS newValue FROM audit_log WHERE action IN ('create', 'import', 'delete', 'clone') ORDER BY id DESC").all() as Array<{ id: string; oldValue: string | null; newValue: string | null }>;
  const fromLog: Record<string, string> = {};
  for (const row of logged) {
    for (const raw of [row.newValue, row.oldValue]) {
      if (!raw || row.id in fromLog) continue;
      try {
        const value = JSON.parse(raw) as { title?: unknown; name?: unknown };
        const name = typeof value.title === 'string' ? value.title : typeof value.name === 'string' ? value.name : null;
        if (name) fromLog[row.id] = name;
      } catch {
        // A value that is not JSON names nothing.
      }
    }
  }
  for (const table of ['authorities', 'controls', 'assessments', 'evidence'] as const) {
    const column = table === 'authorities' ? 'name' : 'title';
    for (const row of register.db.prepare(`SELECT uid, ${column} AS label FROM ${table}`).all() as Array<{ uid: string; label: string }>) remember(row.uid, row.label);
  }
  for (const [id, name] of Object.entries(fromLog)) remember(id, name);
  // Criterion and chain inputs: "<assessment uid>/<criterion>" or "<assessment uid>/<stage>/<risk type>".
  const parts = register.db.prepare("SELECT DISTINCT entity_id AS id FROM audit_log WHERE entity IN ('criterion', 'chain')").all() as Array<{ id: string }>;
  for (const { id } of parts) {
    const [assessment, ...rest] = id.split('/');
    const title = labels[assessment!];
    if (title && rest.length) remember(id, `${title} · ${rest.join(' / ')}`);
  }
  return labels;
}
