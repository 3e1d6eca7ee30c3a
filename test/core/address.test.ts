/** Cell addresses in Excel's form: `DBEP!C16`, `'Kritisk info'!F9`, `Samlet!D8:D9`. */
import { address, columnIndex, columnLetters, parseAddress, quoteSheet } from "../../src/core/address";

test.each([
  ["DBEP", 15, 2, "DBEP!C16"],
  ["Kritisk info", 8, 5, "'Kritisk info'!F9"],
  ["Felles hjelpenummer", 19, 2, "'Felles hjelpenummer'!C20"],
  ["O'Brien", 0, 0, "'O''Brien'!A1"],
  ["A1", 0, 0, "'A1'!A1"],
  ["R1C1", 0, 0, "'R1C1'!A1"],
  ["2022", 0, 0, "'2022'!A1"],
  ["Tema!", 0, 0, "'Tema!'!A1"],
  ["Æøå", 0, 27, "Æøå!AB1"],
])("%p row %p col %p → %s", (sheet, row, col, a1) => {
  expect(address(sheet, row, col)).toBe(a1);
  expect(parseAddress(a1)).toEqual({ sheet, row, col, toRow: row, toCol: col });
});

test("a range: Samlet!D8:D9", () => {
  expect(address("Samlet", 7, 3, { row: 8, col: 3 })).toBe("Samlet!D8:D9");
  expect(parseAddress("Samlet!D8:D9")).toEqual({ sheet: "Samlet", row: 7, col: 3, toRow: 8, toCol: 3 });
  expect(address("Samlet", 7, 3, { row: 7, col: 3 })).toBe("Samlet!D8");
});

test("column letters both ways", () => {
  for (const [n, s] of [[0, "A"], [25, "Z"], [26, "AA"], [701, "ZZ"], [702, "AAA"], [16383, "XFD"]] as const) {
    expect(columnLetters(n)).toBe(s);
    expect(columnIndex(s)).toBe(n);
  }
});

test("quotes only where Excel needs them", () => {
  expect(quoteSheet("Legemidler")).toBe("Legemidler");
  expect(quoteSheet("Ark 1")).toBe("'Ark 1'");
});

test.each(["", "Ark!", "!A1", "A0x", "'Ark!A1"])("%p is not an address", (s) => {
  expect(parseAddress(s)).toBeUndefined();
});
