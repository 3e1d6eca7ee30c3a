/**
 * How the adapter reaches Excel: `Excel.run` in the add-in, the in-memory workbook's `run` in
 * tests and in the browser preview. Everything in src/excel takes a host instead of using the
 * global, so the same code runs against both.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The host of the real add-in: Office's global Excel.run. */
export const officeHost: ExcelHost = {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch),
};
