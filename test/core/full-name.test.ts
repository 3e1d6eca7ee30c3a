/**
 * One name everywhere (core/full-name.ts): «Tema: tiltak» unless the name says its theme, the ID
 * after names that would still read the same. The slides, Rangering's Tiltak column and chart,
 * the command line, the task pane's lists, Stabilitet and the presenter all print it.
 */
import { THEME_SEPARATOR, fullName, fullNames, fullNameTexts } from "../../src/core/full-name";
import { fullName as slidesName } from "../../src/export/rows";
import { readMeeting } from "../support/meeting";

test("the meeting: the same full name as the slides for every measure, and no two alike", async () => {
  const read = await readMeeting();
  if (read.kind !== "legacy") throw new Error("the meeting fixture is the legacy layout");
  const names = read.assessment.measures.map((m) => fullName(m));
  expect(slidesName).toBe(fullName);
  expect(new Set(names).size).toBe(names.length);
  expect(names.filter((n) => n.endsWith("Spesialisthelsetjenesten"))).toEqual(["Dokumentdeling: Spesialisthelsetjenesten", "Kritisk info: Spesialisthelsetjenesten"]);
  // The list's names are the full names (none reads as another), PLL as «Legemidler: PLL».
  const list = fullNames(read.assessment.measures);
  expect(read.assessment.measures.map((m) => list.get(m.id)!.text)).toEqual(names);
  const pll = read.assessment.measures.find((m) => m.name === "PLL")!;
  expect(list.get(pll.id)).toEqual({ theme: "Legemidler", name: "PLL", text: "Legemidler: PLL" });
  const dbep = read.assessment.measures.find((m) => m.name === "Implementering av DBEP")!;
  expect(list.get(dbep.id)).toEqual({ name: "Implementering av DBEP", text: "Implementering av DBEP" });
});

test.each([
  [{ name: "PLL", theme: "Legemidler" }, "Legemidler: PLL"],
  [{ name: "Dokumentdeling: Fastleger", theme: "Dokumentdeling" }, "Dokumentdeling: Fastleger"],
  [{ name: "Implementering av DBEP", theme: "DBEP" }, "Implementering av DBEP"],
  [{ name: "Kritisk info hos fastleger", theme: "Kritisk info" }, "Kritisk info hos fastleger"],
  [{ name: "Kritisk informasjon", theme: "Kritisk info" }, "Kritisk informasjon"],
  [{ name: "Felles hjelpenummer", theme: "Felles hjelpenummer" }, "Felles hjelpenummer"],
  [{ name: "FRESK", theme: "  " }, "FRESK"],
  [{ name: "FRESK" }, "FRESK"],
])("%j → %s", (m, expected) => expect(fullName(m)).toBe(expected));

test("names that would read the same (case and spacing aside) carry their IDs; the others do not", () => {
  const names = fullNameTexts([
    { id: "T001", name: "E-resept", theme: "Legemidler" },
    { id: "T002", name: "e-resept", theme: "Legemidler" },
    { id: "T003", name: "E-resept", theme: "Kjernejournal" },
    { id: "T004", name: "Legemidler:  E-resept" },
    { id: "T005", name: "PLL", theme: "Legemidler" },
    { id: "T005", name: "Another with the same ID" },
  ]);
  expect([...names.values()]).toEqual([
    "Legemidler: E-resept (T001)",
    "Legemidler: e-resept (T002)",
    "Kjernejournal: E-resept",
    "Legemidler:  E-resept (T004)",
    "Legemidler: PLL",
  ]);
  expect(fullNames([{ id: "T002", name: "e-resept", theme: "Legemidler" }, { id: "T001", name: "E-resept", theme: "Legemidler" }]).get("T002")).toEqual({
    theme: "Legemidler",
    name: "e-resept",
    id: "T002",
    text: "Legemidler: e-resept (T002)",
  });
});

test("property: on random names and themes no two names of a list read the same (case aside)", () => {
  const words = ["Spesialisthelsetjenesten", "Fastleger", "Kritisk info", "Dokumentdeling", "PLL", "Legevakt"];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let run = 0; run < 300; run++) {
    const ms = Array.from({ length: 2 + Math.floor(next() * 8) }, (_, i) => {
      const theme = next() < 0.2 ? undefined : words[Math.floor(next() * words.length)];
      const base = words[Math.floor(next() * words.length)];
      const name = next() < 0.3 && theme ? `${theme}: ${base}` : next() < 0.2 ? base.toUpperCase() : base;
      return { id: `T${i}`, name, theme };
    });
    const texts = [...fullNameTexts(ms).values()].map((n) => n.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
    // Every name is the measure's full name, with its ID only where another reads the same.
    ms.forEach((m) => expect(fullNameTexts(ms).get(m.id)!.startsWith(fullName(m))).toBe(true));
  }
});

test("the theme is found in the name as bokmål's lower case finds it (toLocaleLowerCase('nb-NO')), on random text", () => {
  // Letters whose lower case is special somewhere (İ, I, Σ, Æ, Ø, Å, ß, ǅ) and combining marks.
  const alphabet = ["a", "A", "I", "İ", "ı", "i", "Σ", "σ", "ς", "Æ", "æ", "Ø", "Å", "å", "ß", "ẞ", "ǅ", "\u0307", "\u0301", " ", ":", "É", "e\u0301"];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const text = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
  const old = (m: { name: string; theme?: string }) => {
    const theme = m.theme?.trim();
    if (!theme || m.name.toLocaleLowerCase("nb-NO").includes(theme.toLocaleLowerCase("nb-NO"))) return m.name;
    return `${theme}${THEME_SEPARATOR}${m.name}`;
  };
  for (let run = 0; run < 5000; run++) {
    const theme = text(1 + Math.floor(next() * 3));
    const name = next() < 0.5 ? `${text(Math.floor(next() * 3))}${theme.toUpperCase()}${text(Math.floor(next() * 3))}` : text(1 + Math.floor(next() * 8));
    expect(fullName({ name, theme })).toBe(old({ name, theme }));
  }
});
