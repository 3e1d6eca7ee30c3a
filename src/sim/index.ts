/** The in-memory Excel workbook: state (SimWorkbook), the Excel API proxies and the formula engine. */
export { SimWorkbook } from "./workbook";
export { SimSession } from "./workbook";
export type { SimCellSnapshot, SimSheetInfo, SimTableInfo, ChangeType, TriggerSource, SimOptions, SimLocale } from "./workbook";
export { SimRequestContext } from "./excel-api";
export { SimError, isSimError } from "./errors";
export type { SimErrorCode } from "./errors";
export { evaluateFormula, parseFormula, formulaSyntaxError, offsetFormula, mapReferences } from "./formula";
export type { FormulaHost, Scalar } from "./formula";
export { readEntry, displayText } from "./values";
export { createExcelGlobal, ExcelEnums } from "./excel-global";
export type { SimCellFormat, SimValidation } from "./sheet";
