/**
 * A stand-in for Office's global `Excel` namespace over an in-memory workbook, for the browser
 * preview (an office.js stub installs it as `window.Excel`) and for code that reads enums such
 * as `Excel.ClearApplyTo.contents`. Only `run`, the error codes and the enums the add-in is
 * likely to use are provided.
 */
import type { SimWorkbook } from "./workbook";

export const ExcelEnums = {
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks", resetContents: "ResetContents" },
  DeleteShiftDirection: { up: "Up", left: "Left" },
  InsertShiftDirection: { down: "Down", right: "Right" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  RangeValueType: { unknown: "Unknown", empty: "Empty", string: "String", integer: "Integer", double: "Double", boolean: "Boolean", error: "Error", richValue: "RichValue" },
  ConditionalFormatType: {
    custom: "Custom",
    dataBar: "DataBar",
    colorScale: "ColorScale",
    iconSet: "IconSet",
    topBottom: "TopBottom",
    presetCriteria: "PresetCriteria",
    containsText: "ContainsText",
    cellValue: "CellValue",
  },
  ConditionalDataBarDirection: { context: "Context", leftToRight: "LeftToRight", rightToLeft: "RightToLeft" },
  DataValidationOperator: {
    between: "Between",
    notBetween: "NotBetween",
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    greaterThanOrEqualTo: "GreaterThanOrEqualTo",
    lessThanOrEqualTo: "LessThanOrEqualTo",
  },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  DataChangeType: {
    unknown: "Unknown",
    rangeEdited: "RangeEdited",
    rowInserted: "RowInserted",
    rowDeleted: "RowDeleted",
    columnInserted: "ColumnInserted",
    columnDeleted: "ColumnDeleted",
    cellInserted: "CellInserted",
    cellDeleted: "CellDeleted",
  },
  EventSource: { local: "Local", remote: "Remote" },
  EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right", fill: "Fill", justify: "Justify", centerAcrossSelection: "CenterAcrossSelection", distributed: "Distributed" },
  ErrorCodes: {
    itemNotFound: "ItemNotFound",
    itemAlreadyExists: "ItemAlreadyExists",
    invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation",
    invalidReference: "InvalidReference",
    generalException: "GeneralException",
  },
} as const;

/** `{ run, ...enums }`: enough of `Excel` for the add-in's code paths. */
export function createExcelGlobal(wb: SimWorkbook): typeof ExcelEnums & { run: SimWorkbook["run"] } {
  return { ...ExcelEnums, run: (batch) => wb.run(batch) };
}
