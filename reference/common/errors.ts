/**
 * The one error model (STYLE habit 6).
 *
 * - Protocol-invalid input (bytes off the wire, a bad proof) is rejected with a {@link SpecError}
 *   carrying a stable `code` from the component's closed vocabulary. The same codes appear in the
 *   spec's validity-rules table, in the vectors' `error` field and in adapter answers.
 * - API misuse (a wrong type, a negative length passed by a caller) is a `TypeError`/`RangeError`
 *   naming the argument, what was expected and what came; it never appears in vectors.
 * @module
 */

/** A closed vocabulary of reason codes: code → one-line meaning, as printed in the spec. */
export type ReasonVocabulary = Readonly<Record<string, string>>;

/** A typed rejection of protocol-invalid input. `code` is stable across versions. */
export class SpecError<C extends string = string> extends Error {
  override readonly name = "SpecError";
  constructor(
    /** The component ("suite") whose rules were violated, e.g. `codec`. */
    readonly suite: string,
    /** The stable reason code, e.g. `NON_CANONICAL_VARINT`. */
    readonly code: C,
    message: string,
  ) {
    super(`${suite}/${code}: ${message}`);
  }
}

/** True for a {@link SpecError}, optionally of one suite. */
export function isSpecError(e: unknown, suite?: string): e is SpecError {
  return e instanceof SpecError && (suite === undefined || e.suite === suite);
}

/**
 * Makes the throw helper of one component: `fail("UNEXPECTED_EOF", "...")` throws a
 * {@link SpecError} whose code the type checker restricts to that component's vocabulary.
 */
export function errorFactory<V extends ReasonVocabulary>(suite: string, _vocabulary: V) {
  return function fail(code: keyof V & string, message: string): never {
    throw new SpecError(suite, code, message);
  };
}
