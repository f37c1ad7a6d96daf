import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageJsonSchema } from '../../shared/package/json-schema.js';

describe('docs/package-v1.schema.json', () => {
  it('is the schema generated from the package definition (run npm run schema after changing it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/package-v1.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(packageJsonSchema());
  });
});
