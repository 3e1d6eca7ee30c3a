/**
 * Errors shaped like OfficeExtension.Error (RichApi.Error): `code`, `message`, `debugInfo`,
 * `traceMessages`, `innerError`. Thrown by the in-memory workbook where Excel would reject a
 * batch at `context.sync()`, and by property getters that were not loaded.
 */

export type SimErrorCode =
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "PropertyNotLoaded"
  | "InvalidRequestContext"
  | "InvalidObjectPath"
  | "GeneralException"
  | "ValueNotLoaded"
  | "RunMustReturnPromise"
  | "NotImplemented"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

const MESSAGES: Record<SimErrorCode, string> = {
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource already exists.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation is not permitted for the current object.",
  InvalidReference: "This reference isn't valid for the current operation.",
  PropertyNotLoaded: "The property is not available.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" method to manage the object\'s lifetime.',
  GeneralException: "There was an internal error while processing the request.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  RunMustReturnPromise: 'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
  NotImplemented: "The requested feature isn't implemented.",
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
};

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
}

export class SimError extends Error {
  readonly code: SimErrorCode;
  readonly debugInfo: SimDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: SimErrorCode, message?: string, errorLocation?: string) {
    const text = message ?? MESSAGES[code];
    super(text);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message: text } : { code, message: text, errorLocation };
    Object.setPrototypeOf(this, SimError.prototype);
  }

  /** The same error with the place it happened in the batch (like Office's debugInfo.errorLocation). */
  at(errorLocation: string): SimError {
    if (this.debugInfo.errorLocation !== undefined) return this;
    return new SimError(this.code, this.message, errorLocation);
  }
}

export function isSimError(e: unknown): e is SimError {
  return e instanceof SimError;
}

/** Office's wording for a property read before load + sync. */
export function propertyNotLoaded(property: string, entity?: string): SimError {
  return new SimError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    entity ? `${entity}.${property}` : undefined,
  );
}

export const SHAPE_MISMATCH = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";
export const TABLE_OVERLAP = "A table can't overlap a range that contains a PivotTable report, query results, protected cells or another table.";
export const SHIFT_TABLE = "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.";
