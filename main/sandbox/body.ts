// Request-body validation: zod errors become 400 invalid_request_error with the field path in the message.
import { z } from 'zod';
import { badRequest } from './errors';

export function parseBody<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw badRequest(`${where}${issue?.message ?? 'invalid request body'}`);
}
