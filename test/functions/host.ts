/**
 * The host surface the custom functions touch, as Excel's runtime provides it: the global
 * `CustomFunctions` (its Error class and ErrorCode values) and `Office.context.displayLanguage`.
 * Only the host: every number comes from the real functions over the real core.
 */

export class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

type Globals = { CustomFunctions?: unknown; Office?: unknown };

export function installCustomFunctionsHost(): void {
  (globalThis as Globals).CustomFunctions = { Error: CustomFunctionsError, ErrorCode };
}

/** Office with a display language, or no Office at all (undefined): the functions then speak English. */
export function setDisplayLanguage(locale: string | undefined): void {
  if (locale === undefined) delete (globalThis as Globals).Office;
  else (globalThis as Globals).Office = { context: { displayLanguage: locale } };
}

/** The error a call throws (fails the test when it returns instead). */
export function thrown(call: () => unknown): CustomFunctionsError {
  try {
    const value = call();
    throw new Error(`expected an error, got ${String(value)}`);
  } catch (e) {
    if (e instanceof CustomFunctionsError) return e;
    throw e;
  }
}
