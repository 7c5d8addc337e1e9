/**
 * A compile-time proof that a zod schema describes exactly a type owned by main/core: `assertSameShape<A, B>(true)`
 * compiles only when A and B are mutually assignable, so a field added on one side and not the other breaks the build.
 * At run time it does nothing.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export function assertSameShape<A, B>(proof: Same<A, B>): void {
  void proof;
}
