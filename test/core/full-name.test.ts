/** The full name in core (Rangering's Tiltak column, the Excel chart's labels) is the slides' name: one function. */
import { fullName } from "../../src/core/full-name";
import { fullName as slidesName } from "../../src/export/rows";
import { readMeeting } from "../support/meeting";

test("the meeting: the same full name as the slides for every measure, and no two alike", async () => {
  const read = await readMeeting();
  if (read.kind !== "legacy") throw new Error("the meeting fixture is the legacy layout");
  const names = read.assessment.measures.map((m) => fullName(m));
  expect(slidesName).toBe(fullName);
  expect(new Set(names).size).toBe(names.length);
  expect(names.filter((n) => n.endsWith("Spesialisthelsetjenesten"))).toEqual(["Dokumentdeling: Spesialisthelsetjenesten", "Kritisk info: Spesialisthelsetjenesten"]);
});

test.each([
  [{ name: "PLL", theme: "Legemidler" }, "Legemidler: PLL"],
  [{ name: "Dokumentdeling: Fastleger", theme: "Dokumentdeling" }, "Dokumentdeling: Fastleger"],
  [{ name: "Implementering av DBEP", theme: "DBEP" }, "Implementering av DBEP"],
  [{ name: "FRESK", theme: "  " }, "FRESK"],
  [{ name: "FRESK" }, "FRESK"],
])("%j → %s", (m, expected) => expect(fullName(m)).toBe(expected));
