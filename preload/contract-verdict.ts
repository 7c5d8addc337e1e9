/**
 * The one key judgement's verdicts as they cross the boundary (main/core's key hygiene owns them), in a file of its
 * own so that contract.ts and the domain contracts (contract-access.ts) share one enum.
 */
import { z } from 'zod';

export const KeyHygieneVerdict = z.enum([
  'ok',
  'rotate-soon',
  'dormant',
  'expiring',
  'expired',
  'orphaned',
  'default-workspace',
  'inactive',
]);
