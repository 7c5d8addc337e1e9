/** What one row of the channel table is (contract.ts and the per-domain contract-*.ts files). No runtime code. */
import type { z } from 'zod';

export interface ChannelSpec {
  kind: 'invoke' | 'push';
  request: z.ZodType;
  response: z.ZodType;
}
