import { writeFileSync } from 'node:fs';
import { packageJsonSchema } from '../shared/package/json-schema.js';

/** Regenerates docs/package-v1.schema.json (npm run schema); a test fails when it is stale. */
writeFileSync(new URL('../../docs/package-v1.schema.json', import.meta.url), `${JSON.stringify(packageJsonSchema(), null, 2)}\n`);
console.log('wrote docs/package-v1.schema.json');
