/** The build's stand-in for Fluent's `tokens` (src/ui/fluent-tokens.ts) gives every token's value. */
import { tokens as fluent } from "@fluentui/react-components";
import { tokens } from "../../src/ui/fluent-tokens";

test("every Fluent token reads the same from the stand-in", () => {
  const names = Object.keys(fluent) as (keyof typeof fluent)[];
  expect(names.length).toBeGreaterThan(400);
  for (const name of names) expect([name, tokens[name]]).toEqual([name, fluent[name]]);
});

test("names that are not tokens read as undefined", () => {
  const loose = tokens as unknown as Record<string, unknown>;
  for (const name of ["then", "toJSON", "constructor", "$$typeof", "__esModule", "valueOf"]) expect(loose[name]).toBeUndefined();
});
