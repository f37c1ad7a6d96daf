import libraryData from './data/library.json' with { type: 'json' };
import uncac712 from './data/uncac-7-12.json' with { type: 'json' };
import uncacExtended from './data/uncac-extended.json' with { type: 'json' };
import uncacOffences from './data/uncac-offences.json' with { type: 'json' };
import { assembleLibrary, parseFramework, parseLibraryBase } from './load.js';
import type { Library } from './library.js';
import type { Framework, LibraryBase } from './schema.js';

let cachedBase: LibraryBase | undefined;
let cachedFrameworks: Framework[] | undefined;

/** The base vocabulary shipped with the app, validated once. */
export function builtInBase(): LibraryBase {
  cachedBase ??= parseLibraryBase('library.json', libraryData);
  return cachedBase;
}

/**
 * The shipped frameworks: UNCAC 7 and 12 (scored by default), the extended
 * pack, and the legal framework pack (offered by default, scored separately: PI-1.3).
 */
export function builtInFrameworks(): Framework[] {
  cachedFrameworks ??= [
    parseFramework('uncac-7-12.json', uncac712, builtInBase()),
    parseFramework('uncac-extended.json', uncacExtended, builtInBase()),
    parseFramework('uncac-offences.json', uncacOffences, builtInBase()),
  ];
  return cachedFrameworks;
}

export const BUILT_IN_FRAMEWORK_IDS = ['uncac-7-12', 'uncac-extended', 'uncac-offences'] as const;
/** The legal framework pack (PI-1.3): UNCAC offences and sanctions. */
export const OFFENCES_FRAMEWORK_ID = 'uncac-offences';

/** The built-in library, optionally joined by custom frameworks a consultant imported. */
export function builtInLibrary(customFrameworks: readonly Framework[] = []): Library {
  return assembleLibrary(builtInBase(), [...builtInFrameworks(), ...customFrameworks]);
}
