/**
 * The messages between the app or CLI and the keychain host (host-main.ts), one request → one reply, matched by id.
 * A `set` request carries the key: it crosses this IPC channel and nothing else (never argv, env or a log).
 * Both sides validate what they receive, so a stray message on the channel is ignored rather than trusted.
 */
import { z } from 'zod';

const target = { id: z.number().int().positive(), service: z.string(), account: z.string() };

export const hostRequestSchema = z.discriminatedUnion('op', [
  z.object({ ...target, op: z.literal('get') }),
  z.object({ ...target, op: z.literal('set'), password: z.string() }),
  z.object({ ...target, op: z.literal('delete') }),
]);
export type HostRequest = z.infer<typeof hostRequestSchema>;
/** A request before the client numbers it. */
export type HostCall = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never;

export const hostReplySchema = z.discriminatedUnion('ok', [
  // get: the key or null; set: null; delete: whether there was one.
  z.object({
    id: z.number().int().positive(),
    ok: z.literal(true),
    value: z.union([z.string(), z.boolean(), z.null()]),
  }),
  // What the keychain library said; the client turns it into advice for the admin.
  z.object({ id: z.number().int().positive(), ok: z.literal(false), message: z.string() }),
]);
export type HostReply = z.infer<typeof hostReplySchema>;
