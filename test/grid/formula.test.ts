/** Just enough of Excel's formula language to explain the legacy sheets' group and Score cells. */
import { parseFormula } from "../../src/grid/formula";

const cells = (...a1: string[]) => a1.map((s) => ({ row: Number(s.slice(1)) - 1, col: s.charCodeAt(0) - 65 }));

test.each([
  ["AVERAGE(C4:C5)", "average", cells("C4", "C5"), {}],
  ["=AVERAGE(C12,C15,C18)", "average", cells("C12", "C15", "C18"), {}],
  ["SUM(H13:H14)", "sum", cells("H13", "H14"), {}],
  // A sum of cells is told apart from SUM(…): Excel counts a blank in it as 0 and text as #VALUE!.
  ["C3+C6+C11+C18", "sum", cells("C3", "C6", "C11", "C18"), { plus: true }],
  ["$C$3 + $C$6", "sum", cells("C3", "C6"), { plus: true }],
  ["GJENNOMSNITT(C4;C5)", "average", cells("C4", "C5"), {}],
])("%s", (formula, kind, refs, plus) => {
  expect(parseFormula(formula)).toEqual({ kind, ...plus, refs });
});

test.each(["IF(A1>0,1,2)", "AVERAGE()", "", "+", "C3*2", "SUM(A:A)", "AVERAGE(Ark2!C4:C5)"])("%p is other", (formula) => {
  expect(parseFormula(formula)).toEqual({ kind: "other", refs: [] });
});

test("a huge range is left unexplained instead of expanded (SUM(A1:XFD1048576) would be 17 billion cells)", () => {
  const t0 = Date.now();
  expect(parseFormula("SUM(A1:XFD1048576)")).toEqual({ kind: "other", refs: [] });
  expect(parseFormula("AVERAGE(A1:ZZ99999)")).toEqual({ kind: "other", refs: [] });
  expect(Date.now() - t0).toBeLessThan(100);
  // A range of a normal sheet's size still counts.
  expect(parseFormula("SUM(C1:C10000)").refs).toHaveLength(10000);
});
