import type { ControlRecord } from '../../../../shared/domain/records.js';
import type { ControlInput } from '../../../../shared/domain/inputs.js';
import { isIsoDate } from '../../../../shared/domain/dates.js';
import type { Maturity } from '../../../../shared/domain/vocabulary.js';
import type { LibraryInfo } from '../../../../shared/api/results.js';

/** What the control form edits: strings as the inputs hold them, coverage as "defaults or this list". */
export interface ControlFormValues {
  family: string;
  title: string;
  description: string;
  owner: string;
  maturity: Maturity;
  lastReviewed: string;
  stagesDefault: boolean;
  stages: string[];
  riskTypesDefault: boolean;
  riskTypes: string[];
}

export type ControlFormField = 'family' | 'title' | 'description' | 'owner' | 'maturity' | 'lastReviewed' | 'stages' | 'riskTypes';
/** Each error is an i18n key of the register namespace (form.errors.*). */
export type ControlFormErrors = Partial<Record<ControlFormField, string>>;

/** The limits of shared/domain/inputs.ts controlInput, checked before sending so messages can name the field. */
const LIMITS = { title: 300, description: 10_000, owner: 300 };

export function emptyValues(library: LibraryInfo): ControlFormValues {
  const family = library.families[0];
  return {
    family: family?.id ?? '',
    title: '',
    description: '',
    owner: '',
    maturity: 0,
    lastReviewed: '',
    stagesDefault: true,
    stages: family?.stages ?? [],
    riskTypesDefault: true,
    riskTypes: family?.riskTypes ?? [],
  };
}

export function valuesOf(control: ControlRecord, library: LibraryInfo): ControlFormValues {
  const family = library.families.find((f) => f.id === control.family);
  return {
    family: control.family,
    title: control.title,
    description: control.description,
    owner: control.owner,
    maturity: control.maturity,
    lastReviewed: control.lastReviewed ?? '',
    stagesDefault: control.stages === null,
    stages: control.stages ?? family?.stages ?? [],
    riskTypesDefault: control.riskTypes === null,
    riskTypes: control.riskTypes ?? family?.riskTypes ?? [],
  };
}

export function validate(values: ControlFormValues, library: LibraryInfo, today: string): ControlFormErrors {
  const errors: ControlFormErrors = {};
  if (!library.families.some((f) => f.id === values.family)) errors.family = 'form.errors.familyRequired';
  if (!values.title.trim()) errors.title = 'form.errors.titleRequired';
  else if (values.title.trim().length > LIMITS.title) errors.title = 'form.errors.titleTooLong';
  if (values.description.length > LIMITS.description) errors.description = 'form.errors.descriptionTooLong';
  if (values.owner.trim().length > LIMITS.owner) errors.owner = 'form.errors.ownerTooLong';
  if (values.lastReviewed && !isIsoDate(values.lastReviewed)) errors.lastReviewed = 'form.errors.lastReviewedInvalid';
  // A review cannot be in the future; the register refuses it too.
  else if (values.lastReviewed && values.lastReviewed > today) errors.lastReviewed = 'form.errors.lastReviewedFuture';
  if (!values.stagesDefault && values.stages.length === 0) errors.stages = 'form.errors.stagesEmpty';
  if (!values.riskTypesDefault && values.riskTypes.length === 0) errors.riskTypes = 'form.errors.riskTypesEmpty';
  return errors;
}

/** The API input: null coverage means "the family's defaults", kept as null so it follows the library. */
export function toInput(values: ControlFormValues): ControlInput {
  return {
    family: values.family,
    title: values.title.trim(),
    description: values.description,
    owner: values.owner.trim(),
    maturity: values.maturity,
    lastReviewed: values.lastReviewed || null,
    stages: values.stagesDefault ? null : values.stages,
    riskTypes: values.riskTypesDefault ? null : values.riskTypes,
  };
}

export const FIELD_ORDER: ControlFormField[] = ['family', 'title', 'description', 'owner', 'maturity', 'lastReviewed', 'stages', 'riskTypes'];
