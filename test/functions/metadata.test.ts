/**
 * The custom functions' metadata: functions.json as custom-functions-metadata-plugin generates it
 * from the JSDoc, and functions.nb-NO.json made from it by the same function webpack runs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  generateFunctionsJson,
  localizeFunctionsMetadata,
  NB_METADATA_FILE,
} from "../../scripts/functions-metadata";
import {
  enFunctions,
  fn,
  functionsMetadataText,
  nbFunctions,
  type FunctionsKey,
} from "../../src/i18n/functions";

interface Param {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string };
}

let generated: string;
let en: { functions: Fn[] };
let nb: { functions: Fn[] };

beforeAll(async () => {
  generated = await generateFunctionsJson();
  en = JSON.parse(generated);
  nb = JSON.parse(localizeFunctionsMetadata(generated, "nb"));
}, 60_000);

test("functions.json: SCORE(scores) and RANK(score, scores), returning numbers", () => {
  expect(
    en.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name), f.result?.type])
  ).toEqual([
    ["SCORE", "SCORE", ["scores"], "number"],
    ["RANK", "RANK", ["score", "scores"], "number"],
  ]);
  // Ranges arrive as matrices of raw values (type any): blanks stay blank, text stays text.
  const scores = en.functions[0].parameters[0];
  expect([scores.type, scores.dimensionality]).toEqual(["any", "matrix"]);
  expect(en.functions[1].parameters.map((p) => [p.type, p.dimensionality ?? "scalar"])).toEqual([
    ["any", "scalar"],
    ["any", "matrix"],
  ]);
});

test("the English descriptions are the JSDoc's, word for word", () => {
  for (const f of en.functions) {
    const text = functionsMetadataText.en[f.id as "SCORE" | "RANK"];
    expect(f.description).toBe(text.description);
    for (const p of f.parameters)
      expect([f.id, p.name, p.description]).toEqual([f.id, p.name, text.parameters[p.name]]);
  }
  // So localising to English changes nothing but formatting.
  expect(JSON.parse(localizeFunctionsMetadata(generated, "en"))).toEqual(en);
});

test("functions.nb-NO.json: the same ids, names and parameters, with bokmål descriptions", () => {
  const shape = (m: { functions: Fn[] }) =>
    m.functions.map((f) => ({
      id: f.id,
      name: f.name,
      result: f.result,
      parameters: f.parameters.map(({ description: _d, ...p }) => p),
    }));
  expect(shape(nb)).toEqual(shape(en));
  for (const [i, f] of nb.functions.entries()) {
    const text = functionsMetadataText.nb[f.id as "SCORE" | "RANK"];
    expect(f.description).toBe(text.description);
    expect(f.description).not.toBe(en.functions[i].description);
    for (const p of f.parameters) {
      expect(p.description).toBe(text.parameters[p.name]);
      expect(p.description).not.toBe(
        en.functions[i].parameters.find((q) => q.name === p.name)?.description
      );
    }
  }
  expect(nb.functions[0].description).toContain("Totalscoren for ett tiltak");
  expect(nb.functions[1].parameters[1].description).toBe(
    "Scorene den rangeres blant. Tomme celler og tekst hoppes over."
  );
});

test("a function or parameter without a bokmål description fails the build", () => {
  const metadata = JSON.parse(generated) as { functions: Fn[] };
  const extraFunction = {
    ...metadata,
    functions: [...metadata.functions, { ...metadata.functions[0], id: "EXTRA", name: "EXTRA" }],
  };
  expect(() => localizeFunctionsMetadata(JSON.stringify(extraFunction), "nb")).toThrow(
    "no description for EXTRA"
  );
  const extraParam = {
    ...metadata,
    functions: metadata.functions.map((f) =>
      f.id === "RANK"
        ? { ...f, parameters: [...f.parameters, { name: "order", type: "number" }] }
        : f
    ),
  };
  expect(() => localizeFunctionsMetadata(JSON.stringify(extraParam), "nb")).toThrow(
    "no description for RANK(order)"
  );
  const renamed = { ...metadata, functions: metadata.functions.filter((f) => f.id !== "RANK") };
  expect(() => localizeFunctionsMetadata(JSON.stringify(renamed), "nb")).toThrow(
    "RANK is translated but is not a custom function"
  );
});

test("the manifest's nb-NO metadata override names the file webpack emits", () => {
  const manifest = readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
  expect(manifest).toContain(
    `<bt:Override Locale="nb-NO" Value="https://localhost:3000/${NB_METADATA_FILE}"/>`
  );
});

describe("messages", () => {
  test("bokmål and English have the same keys, the same placeholders and no empty strings", () => {
    expect(Object.keys(enFunctions).sort()).toEqual(Object.keys(nbFunctions).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nbFunctions) as FunctionsKey[]) {
      expect([key, names(enFunctions[key])]).toEqual([key, names(nbFunctions[key])]);
      expect(nbFunctions[key].trim()).not.toBe("");
      expect(enFunctions[key].trim()).not.toBe("");
    }
    expect(Object.keys(functionsMetadataText.en)).toEqual(Object.keys(functionsMetadataText.nb));
    for (const id of ["SCORE", "RANK"] as const) {
      expect(Object.keys(functionsMetadataText.en[id].parameters)).toEqual(
        Object.keys(functionsMetadataText.nb[id].parameters)
      );
    }
  });

  test("fn fills placeholders", () => {
    expect(fn("nb", "score.noTotal", { groups: "Nytte" })).toBe("Nytte mangler score.");
    expect(fn("en", "rank.noMatch", { score: 19, count: 13 })).toBe(
      "19 is not among the 13 numbers in the list."
    );
  });
});
