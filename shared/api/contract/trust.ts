import { z } from 'zod';
import { entry } from '../entry.js';
import type { AuditHeadCheck, AuditHeadInfo, SigningKeyInfo, TrustedKeyInfo } from '../results.js';

const none = z.strictObject({});
const justification = z.string().trim().min(1, 'a justification is required').max(10_000);

/** The audit head, the register's signing key, the trust list and the four-eyes rule. */
export const trustContract = {
  'trust.head': entry<AuditHeadInfo>()(none),
  'trust.checkHead': entry<AuditHeadCheck>()(z.strictObject({ head: z.string().regex(/^\d{1,12}:[0-9a-f]{64}$/, 'must be COUNT:HASH') })),
  'trust.key': entry<SigningKeyInfo>()(none),
  'trust.exportKey': entry<{ keyFile: string }>()(none),
  /** confirm: replace a key that already signed locks in this register. */
  'trust.importKey': entry<SigningKeyInfo>()(z.strictObject({ keyFile: z.string().min(1).max(10_000), confirm: z.boolean().optional() })),
  'trust.list': entry<TrustedKeyInfo[]>()(none),
  'trust.fourEyes': entry<SigningKeyInfo>()(z.strictObject({ required: z.boolean(), justification: justification.optional() })),
};
