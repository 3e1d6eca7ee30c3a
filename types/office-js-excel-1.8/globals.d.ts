/**
 * The Excel JavaScript API of requirement set ExcelApi 1.8 exactly (and Office's common API) as
 * the globals `Excel`, `Office` and `OfficeExtension`, in place of @types/office-js (which holds
 * every set up to the newest). Used by tsconfig.excel-api.json only.
 */
import { Excel as Excel18 } from "./generate-docs/api-extractor-inputs-excel-release/Excel_1_8/excel";
import { Office as OfficeCommon, OfficeExtension as OfficeExtensionCommon } from "./generate-docs/api-extractor-inputs-office/office";

declare global {
  export import Excel = Excel18;
  export import Office = OfficeCommon;
  export import OfficeExtension = OfficeExtensionCommon;
}
