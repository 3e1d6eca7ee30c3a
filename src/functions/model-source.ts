/**
 * The model the custom functions score with. The default model until the controller has read the
 * workbook's Modell sheet and calls setFunctionsModel (src/excel/runtime.ts). Both live in the same
 * shared runtime, so this module is the one place they meet.
 */
import { defaultModel, type Model } from "../core/model";

let current: Model = defaultModel();

export function getFunctionsModel(): Model {
  return current;
}

export function setFunctionsModel(model: Model): void {
  current = model;
}
