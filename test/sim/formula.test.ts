/**
 * The formula engine on its own: Excel's operators, coercions and functions, with the cells of a
 * formula given by a tiny host. The rules pinned here are the ones the legacy meeting workbook
 * depends on (AVERAGE skipping typed text, #DIV/0! on an empty group).
 */
import { parseRange } from "../../src/sim/a1";
import {
  evaluateFormula,
  excelRound,
  formulaSyntaxError,
  mapReferences,
  offsetFormula,
  referencesOf,
  type FormulaHost,
  type Scalar,
} from "../../src/sim/formula";

type Sheets = Record<string, Record<string, Scalar>>;

/** Cells by A1 address per sheet; the formula's own sheet is the first. */
function hostOf(sheets: Sheets): FormulaHost {
  const own = Object.keys(sheets)[0];
  const find = (name: string | undefined) => {
    const key = name === undefined ? own : Object.keys(sheets).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : sheets[key];
  };
  const at = (cells: Record<string, Scalar>) =>
    Object.entries(cells).map(([a1, v]) => ({ ...parseRange(a1)!.rect, v }));
  return {
    cell(name, row, col) {
      const cells = find(name);
      if (!cells) return undefined;
      return at(cells).find((c) => c.r0 === row && c.c0 === col)?.v ?? null;
    },
    cells(name, r) {
      const cells = find(name);
      if (!cells) return undefined;
      return at(cells)
        .filter((c) => c.r0 >= r.r0 && c.r0 <= r.r1 && c.c0 >= r.c0 && c.c0 <= r.c1 && c.v !== null)
        .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)
        .map((c) => c.v);
    },
  };
}

const none = hostOf({ Ark1: {} });
const ev = (formula: string, sheets: Sheets = { Ark1: {} }) => evaluateFormula(formula, hostOf(sheets));

const DIV0 = { error: "#DIV/0!" };
const VALUE = { error: "#VALUE!" };
const REF = { error: "#REF!" };
const NAME = { error: "#NAME?" };

describe("operators", () => {
  test.each<[string, Scalar]>([
    ["=1+2*3", 7],
    ["=(1+2)*3", 9],
    ["=10/4", 2.5],
    ["=7-10", -3],
    ["=-2^2", 4], // negation binds tighter than ^ in Excel
    ["=2^3^2", 64], // ^ is left-associative in Excel
    ["=50%", 0.5],
    ["=-(-3)", 3],
    ["=+5", 5],
    ['="a"&1&TRUE', "a1TRUE"],
    ['="x"&1/3', "x0.333333333333333"],
    ["=1/0", DIV0],
    ["=0^0", { error: "#NUM!" }],
    ["=1=1", true],
    ['="A"="a"', true],
    ['=1<"a"', true],
    ['="z"<TRUE', true],
    ["=0.1+0.2=0.3", true],
    ["=0.1+0.2", 0.30000000000000004],
    ["=2<>2", false],
    ["=3>=3", true],
  ])("%s is %j", (f, expected) => {
    expect(evaluateFormula(f, none)).toEqual(expected);
  });

  test("blanks are 0 in arithmetic and empty in text; a formula pointing at a blank shows 0", () => {
    expect(ev("=A1")).toBe(0);
    expect(ev("=A1+1")).toBe(1);
    expect(ev('=A1&""')).toBe("");
    expect(ev('=A1=""')).toBe(true);
    expect(ev("=A1=0")).toBe(true);
  });

  test("numeric text counts in arithmetic, other text is #VALUE!", () => {
    expect(ev("=A1+1", { Ark1: { A1: "7" } })).toBe(8);
    expect(ev("=A1*2", { Ark1: { A1: " 1,000 " } })).toBe(2000);
    expect(ev("=A1+1", { Ark1: { A1: "7,5" } })).toEqual(VALUE);
    expect(ev("=A1+1", { Ark1: { A1: "Sjekke med jurist?" } })).toEqual(VALUE);
    expect(ev("=A1+1", { Ark1: { A1: true } })).toBe(2);
  });

  test("errors propagate, the leftmost first", () => {
    expect(ev("=A1+B1", { Ark1: { A1: { error: "#N/A" }, B1: DIV0 } })).toEqual({ error: "#N/A" });
    expect(ev("=A1&B1", { Ark1: { A1: 1, B1: DIV0 } })).toEqual(DIV0);
    expect(ev("=A1>1", { Ark1: { A1: DIV0 } })).toEqual(DIV0);
  });

  test("a multi-cell range where one value is wanted is #VALUE!", () => {
    expect(ev("=A1:A2+1", { Ark1: { A1: 1, A2: 2 } })).toEqual(VALUE);
  });
});

describe("references", () => {
  const sheets: Sheets = {
    Vurdering: { A1: 3, B2: 4 },
    DBEP: { C20: 18.166666666666668 },
    "Kritisk info": { F20: 13 },
  };

  test("same sheet, absolute, other sheets, quoted sheet names", () => {
    expect(ev("=A1+$B$2", sheets)).toBe(7);
    expect(ev("=DBEP!C20", sheets)).toBe(18.166666666666668);
    expect(ev("=dbep!C20", sheets)).toBe(18.166666666666668);
    expect(ev("='Kritisk info'!F20", sheets)).toBe(13);
    expect(ev("=SUM('Kritisk info'!F20,DBEP!C20,A1)", sheets)).toBe(13 + 18.166666666666668 + 3);
  });

  test("a sheet that does not exist is #REF!; unknown names and functions are #NAME?", () => {
    expect(ev("=Borte!A1", sheets)).toEqual(REF);
    expect(ev("=SUM(Borte!A1:A3)", sheets)).toEqual(REF);
    expect(ev("=#REF!+1", sheets)).toEqual(REF);
    expect(ev("=#REF!C20", sheets)).toEqual(REF);
    expect(ev("=Prioritet*2", sheets)).toEqual(NAME);
    expect(ev("=GJENNOMSNITT(A1)", sheets)).toEqual(NAME);
  });

  test("whole columns and whole rows", () => {
    const s: Sheets = { Ark1: { A1: 1, A2: 2, A9: 3, B2: 10 } };
    expect(ev("=SUM(A:A)", s)).toBe(6);
    expect(ev("=SUM(2:2)", s)).toBe(12);
    expect(ev("=SUM($A:$B)", s)).toBe(16);
  });
});

describe("functions", () => {
  // A column of scores as the legacy sheets have them: a number, a number typed as text, a blank, a boolean.
  const column: Sheets = { Ark1: { A1: 4, A2: "5", A4: true, A5: 8, B1: "Sjekke med jurist?" } };

  test("SUM, AVERAGE, COUNT, MIN, MAX skip text, booleans and blanks in ranges", () => {
    expect(ev("=SUM(A1:A4)", column)).toBe(4);
    expect(ev("=AVERAGE(A1:A4)", column)).toBe(4);
    expect(ev("=AVERAGE(A1:A5)", column)).toBe(6);
    expect(ev("=COUNT(A1:A5)", column)).toBe(2);
    expect(ev("=COUNTA(A1:A5)", column)).toBe(4);
    expect(ev("=MIN(A1:A5)", column)).toBe(4);
    expect(ev("=MAX(A1:A5)", column)).toBe(8);
    // One cell given on its own is still a reference: its text is skipped, not coerced.
    expect(ev("=SUM(A1,A2)", column)).toBe(4);
    expect(ev("=AVERAGE(A1,A2,A3)", column)).toBe(4);
  });

  test("values typed into the arguments are coerced, or #VALUE!", () => {
    expect(ev('=SUM(4,"5",TRUE)')).toBe(10);
    expect(ev('=AVERAGE(1,"3")')).toBe(2);
    expect(ev('=AVERAGE("x")')).toEqual(VALUE);
    expect(ev('=COUNT(1,"2","x",TRUE)')).toBe(3);
    expect(ev('=COUNTA(1,"x",#N/A)')).toBe(3);
  });

  test("AVERAGE of nothing numeric is #DIV/0!; SUM of nothing is 0; MIN/MAX of nothing is 0", () => {
    expect(ev("=AVERAGE(C1:C9)", column)).toEqual(DIV0);
    expect(ev("=AVERAGE(B1)", column)).toEqual(DIV0);
    expect(ev("=SUM(C1:C9)", column)).toBe(0);
    expect(ev("=MIN(C1:C9)", column)).toBe(0);
    expect(ev("=MAX(B1)", column)).toBe(0);
  });

  test("an error in a range is the result of SUM and AVERAGE; COUNT ignores it", () => {
    const s: Sheets = { Ark1: { A1: 5, A2: DIV0, A3: 7 } };
    expect(ev("=AVERAGE(A1:A3)", s)).toEqual(DIV0);
    expect(ev("=SUM(A1:A3)", s)).toEqual(DIV0);
    expect(ev("=COUNT(A1:A3)", s)).toBe(2);
    expect(ev("=IFERROR(AVERAGE(A1:A3),-1)", s)).toBe(-1);
    expect(ev("=IFERROR(A1,-1)", s)).toBe(5);
  });

  test("IF, AND, OR, NOT", () => {
    expect(ev('=IF(A1>3,"høy","lav")', column)).toBe("høy");
    expect(ev("=IF(A1>30,1)", column)).toBe(false);
    expect(ev("=IF(A1>3,A9)", column)).toBe(0);
    expect(ev("=IF(1/0,1,2)")).toEqual(DIV0);
    expect(ev('=IF("ja",1,2)')).toEqual(VALUE);
    expect(ev("=AND(TRUE,1,A1>3)", column)).toBe(true);
    expect(ev("=AND(A1:A5)", column)).toBe(true);
    expect(ev("=OR(FALSE,0)")).toBe(false);
    expect(ev("=OR(B1:B2)", column)).toEqual(VALUE);
    expect(ev("=NOT(0)")).toBe(true);
  });

  test("ROUND rounds half away from zero without binary artefacts; ABS", () => {
    expect(ev("=ROUND(2.675,2)")).toBe(2.68);
    expect(ev("=ROUND(-2.5,0)")).toBe(-3);
    expect(ev("=ROUND(1234.5,-2)")).toBe(1200);
    expect(ev("=ROUND(16.083333333333332,1)")).toBe(16.1);
    expect(ev("=ABS(-3.5)")).toBe(3.5);
    expect(excelRound(1.005, 2)).toBe(1.01);
  });

  test("the legacy sheets' formulas, as exported by exceljs (with _xlfn. prefixes)", () => {
    const s: Sheets = { Ark1: { H13: 3, H14: 3, H16: 3, H17: 3 } };
    expect(ev("SUM(H13:H14)", s)).toBe(6);
    expect(ev("_xlfn.IFERROR(AVERAGE(H1:H2),0)", s)).toBe(0);
  });
});

describe("formula text", () => {
  test("syntax errors are reported, valid formulas are not", () => {
    expect(formulaSyntaxError("=SUM(A1:A3)")).toBeUndefined();
    expect(formulaSyntaxError("AVERAGE(C12,C15,C18)")).toBeUndefined();
    expect(formulaSyntaxError("=SUM(1,")).toBeDefined();
    expect(formulaSyntaxError('="open')).toBeDefined();
    expect(formulaSyntaxError("=1+*2")).toBeDefined();
    expect(ev("=SUM(1,")).toEqual(NAME);
  });

  test("filling a formula moves relative parts and keeps absolute ones", () => {
    expect(offsetFormula("A1+$B$2+C$3+$D4", 1, 1)).toBe("B2+$B$2+D$3+$D5");
    expect(offsetFormula("SUM(C4:C5)*'Kritisk info'!F9", 0, 2)).toBe("SUM(E4:E5)*'Kritisk info'!H9");
    expect(offsetFormula('"A1"&A1', 2, 0)).toBe('"A1"&A3');
    expect(offsetFormula("A1", -1, 0)).toBe("#REF!");
  });

  test("references can be rewritten, strings are left alone", () => {
    const renamed = mapReferences("Legemidler!C20+'Legemidler'!C21+\"Legemidler!C20\"", (ref) =>
      ref.sheet === "Legemidler" ? { ...ref, sheet: "PLL og legemidler" } : undefined,
    );
    expect(renamed).toBe("'PLL og legemidler'!C20+'PLL og legemidler'!C21+\"Legemidler!C20\"");
    expect(referencesOf("AVERAGE(C12,C15,C18)+DBEP!A:A").map((r) => [r.sheet ?? "", r.kind])).toEqual([
      ["", "cell"],
      ["", "cell"],
      ["", "cell"],
      ["DBEP", "cols"],
    ]);
  });
});
