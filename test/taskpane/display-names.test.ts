/**
 * @jest-environment node
 */
import { displayNames, nameAndTheme } from "../../src/taskpane/display-names";
import { readMeeting } from "./meeting";

describe("displayNames: every ranking row reads differently", () => {
  test("the meeting's 14 measures: theme then name, the two «Spesialisthelsetjenesten» told apart", async () => {
    const { inputs } = await readMeeting();
    const names = displayNames(inputs);
    const texts = inputs.map((m) => names.get(m.id)!.text);
    expect(texts).toEqual([
      "DBEP · Implementering av DBEP",
      "Dokumentdeling · Spesialisthelsetjenesten",
      "Dokumentdeling · Legevakt/ØHD",
      "Dokumentdeling · Andre kommunal helse-omsorg",
      "Dokumentdeling · Fastleger",
      "Dokumentdeling · Andre helseaktører/tjenester",
      "Dokumentdeling · Dokumenter utenfor kjernejournal",
      "Kritisk info · Spesialisthelsetjenesten",
      "Kritisk info · Fastleger og avtalespesialister",
      "Kritisk info · Kommunal helse- og omsorg",
      "Kritisk info · Andre helseaktører",
      "Felles hjelpenummer",
      "Legemidler · PLL",
      "DHO · Generiske datadelingstjenester",
    ]);
    expect(new Set(texts).size).toBe(texts.length);
    // The full name as written stays available for the tooltip.
    expect(names.get(inputs[1].id)).toEqual({
      theme: "Dokumentdeling",
      name: "Spesialisthelsetjenesten",
      text: "Dokumentdeling · Spesialisthelsetjenesten",
      full: "Dokumentdeling: Spesialisthelsetjenesten",
    });
  });

  test("a theme prefix is split off; a name that already starts with its theme is not repeated", () => {
    expect(nameAndTheme({ name: "Dokumentdeling: Legevakt/ØHD", theme: "Dokumentdeling" })).toEqual({ theme: "Dokumentdeling", name: "Legevakt/ØHD" });
    expect(nameAndTheme({ name: "dokumentdeling – Fastleger", theme: "Dokumentdeling" })).toEqual({ theme: "Dokumentdeling", name: "Fastleger" });
    expect(nameAndTheme({ name: "Kritisk info hos fastleger", theme: "Kritisk info" })).toEqual({ name: "Kritisk info hos fastleger" });
    expect(nameAndTheme({ name: "Kritisk informasjon", theme: "Kritisk info" })).toEqual({ theme: "Kritisk info", name: "Kritisk informasjon" });
    expect(nameAndTheme({ name: "Felles hjelpenummer", theme: "Felles hjelpenummer" })).toEqual({ name: "Felles hjelpenummer" });
    expect(nameAndTheme({ name: "Dokumentdeling:", theme: "Dokumentdeling" })).toEqual({ name: "Dokumentdeling:" });
    expect(nameAndTheme({ name: "E-resept", theme: "  " })).toEqual({ name: "E-resept" });
    expect(nameAndTheme({ name: "PLL" })).toEqual({ name: "PLL" });
  });

  test("rows that would still read the same (case aside) carry their IDs; the others do not", () => {
    const names = displayNames([
      { id: "T001", name: "E-resept", theme: "Legemidler" },
      { id: "T002", name: "e-resept", theme: "Legemidler" },
      { id: "T003", name: "E-resept", theme: "Kjernejournal" },
      { id: "T004", name: "Legemidler: E-resept" },
    ]);
    expect([...names.values()].map((n) => n.text)).toEqual([
      "Legemidler · E-resept (T001)",
      "Legemidler · e-resept (T002)",
      "Kjernejournal · E-resept",
      "Legemidler: E-resept",
    ]);
  });

  test("property: on random names and themes no two display texts are equal (case aside)", () => {
    const words = ["Spesialisthelsetjenesten", "Fastleger", "Kritisk info", "Dokumentdeling", "PLL", "Legevakt"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let run = 0; run < 200; run++) {
      const ms = Array.from({ length: 2 + Math.floor(next() * 8) }, (_, i) => {
        const theme = next() < 0.2 ? undefined : words[Math.floor(next() * words.length)];
        const base = words[Math.floor(next() * words.length)];
        const name = next() < 0.3 && theme ? `${theme}: ${base}` : base;
        return { id: `T${i}`, name, theme };
      });
      const texts = [...displayNames(ms).values()].map((n) => n.text.toLowerCase());
      expect(new Set(texts).size).toBe(texts.length);
    }
  });
});
