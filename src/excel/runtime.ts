/**
 * The one controller of the shared runtime: the task pane, the ribbon's «Beregn på nytt» and the
 * custom functions all reach the same instance, so there is one set of event handlers and one
 * recompute queue per workbook.
 */
import { langFromLocale } from "../i18n";
import { setFunctionsModel } from "../functions/model-source";
import type { AppController } from "../app/app-state";
import { ExcelController } from "./controller";
import { officeHost } from "./host";

let shared: ExcelController | undefined;

export function getSharedController(): AppController {
  if (!shared) {
    const lang = langFromLocale(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
    shared = new ExcelController(officeHost, lang, { onModel: setFunctionsModel });
    void shared.start();
  }
  return shared;
}
