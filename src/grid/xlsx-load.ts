/**
 * exceljs on a checked workbook (src/grid/xlsx-guard.ts), the same way in the command line and the
 * task pane: the checked bytes first; when exceljs cannot read them (a table it does not
 * understand), the same bytes without the table objects, whose sheets the readers then read by
 * their header row. Neither: undefined, and the caller says the reader could not read the file.
 * Only exceljs's shape is imported here; each caller loads exceljs its own way.
 */

/** What is needed of an exceljs workbook to load one. */
export interface Loadable {
  xlsx: { load(data: ArrayBuffer): Promise<unknown> };
}

export async function loadChecked<W extends Loadable>(make: () => W, checked: { zip: Uint8Array; withoutTables: () => Uint8Array }): Promise<W | undefined> {
  for (const bytes of [() => checked.zip, checked.withoutTables]) {
    const workbook = make();
    try {
      // A copy into this realm's ArrayBuffer, which exceljs's zip reader recognises wherever it runs
      // (under jsdom a Node Buffer, or its ArrayBuffer, comes from another realm and is refused).
      await workbook.xlsx.load(new Uint8Array(bytes()).buffer);
      return workbook;
    } catch {
      // Next try, or none.
    }
  }
  return undefined;
}
