import libraryData from './data/library.json' with { type: 'json' };
import uncac712 from './data/uncac-7-12.json' with { type: 'json' };
import uncacExtended from './data/uncac-extended.json' with { type: 'json' };
import uncacOffences from './data/uncac-offences.json' with { type: 'json' };
import { assembleLibrary } from './load.js';
import type { Library } from './library.js';
import type { Framework, LibraryBase } from './schema.js';

/**
 * The shipped files are part of the program, like its code: they are not
 * parsed at run time (that was a tenth of a CLI command's own time). Their
 * check is a test (tests/methodology/library.test.ts): each file passes
 * parseLibraryBase / parseFramework, and parsing gives back exactly the file,
 * so no default is left for the parser to fill in.
 */
export const BUILT_IN_FILES = {
  base: { file: 'library.json', data: libraryData },
  frameworks: [
    { file: 'uncac-7-12.json', data: uncac712 },
    { file: 'uncac-extended.json', data: uncacExtended },
    { file: 'uncac-offences.json', data: uncacOffences },
  ],
} as const;

/** The base vocabulary shipped with the app. */
export function builtInBase(): LibraryBase {
  return libraryData as LibraryBase;
}

/**
 * The shipped frameworks: UNCAC 7 and 12 (scored by default), the extended
 * pack, and the legal framework pack (offered by default, scored separately: PI-1.3).
 */
export function builtInFrameworks(): Framework[] {
  return FRAMEWORKS;
}
const FRAMEWORKS = BUILT_IN_FILES.frameworks.map((f) => f.data as Framework);

export const BUILT_IN_FRAMEWORK_IDS = ['uncac-7-12', 'uncac-extended', 'uncac-offences'] as const;
/** The legal framework pack (PI-1.3): UNCAC offences and sanctions. */
export const OFFENCES_FRAMEWORK_ID = 'uncac-offences';

/** The built-in library, optionally joined by custom frameworks a consultant imported. */
export function builtInLibrary(customFrameworks: readonly Framework[] = []): Library {
  return assembleLibrary(builtInBase(), [...builtInFrameworks(), ...customFrameworks]);
}
