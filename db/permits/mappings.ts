import { mappingProfileSchema, registerMappingSchema, type MappingProfile } from '../../shared/permits/mapping-profile.js';
import { RegisterError } from '../errors.js';
import type { Register } from '../register.js';

function describeIssues(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues.map((i) => `${['mapping', ...i.path.map(String)].join('.')}: ${i.message}`).join('; ');
}

/** Saves (or replaces) a named register mapping, for the next export of the same system. */
export function saveMappingProfile(register: Register, profile: unknown): MappingProfile {
  const parsed = mappingProfileSchema.safeParse(profile);
  if (!parsed.success) throw new RegisterError('invalid', describeIssues(parsed.error));
  const mapping = registerMappingSchema.safeParse({ columns: parsed.data.columns, dateOrder: parsed.data.dateOrder });
  if (!mapping.success) throw new RegisterError('invalid', describeIssues(mapping.error));
  register.db
    .prepare('INSERT INTO permit_mapping_profiles (name, format, mapping, saved_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at')
    .run(parsed.data.name, parsed.data.format, JSON.stringify(mapping.data), register.now());
  return parsed.data;
}

export function getMappingProfile(register: Register, name: string): MappingProfile {
  const row = register.db.prepare('SELECT name, format, mapping FROM permit_mapping_profiles WHERE name = ?').get(name) as { name: string; format: 'register'; mapping: string } | undefined;
  if (!row) throw new RegisterError('not_found', `mapping: no saved mapping profile named "${name}"`);
  return { name: row.name, format: row.format, ...(JSON.parse(row.mapping) as Omit<MappingProfile, 'name' | 'format'>) };
}

export function listMappingProfiles(register: Register): MappingProfile[] {
  return (register.db.prepare('SELECT name FROM permit_mapping_profiles ORDER BY name').pluck().all() as string[]).map((name) => getMappingProfile(register, name));
}
