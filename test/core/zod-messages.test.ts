/**
 * The add-in loads only zod/mini, which has no messages of its own: the problems of a damaged model
 * or store still read in English words, as they did with the full build. (This file must not
 * import the full build, which would set the English messages itself.)
 */
import { defaultModel } from "../../src/core/model";
import { parseModel } from "../../src/core/model-validate";
import { storeFromCells } from "../../src/grid/store";

test("a damaged model and store are described in words, not «Invalid input»", () => {
  expect(parseModel({ ...defaultModel(), total: "median" })).toEqual({ ok: false, problems: [{ code: "shape", at: "total", detail: 'Invalid option: expected one of "sum"|"mean"' }] });
  expect(storeFromCells([JSON.stringify({ format: 1, model: defaultModel(), nextId: -1 })])).toMatchObject({
    kind: "damaged",
    problems: [{ code: "shape", at: "nextId", detail: "Too small: expected number to be >=0" }],
  });
  expect(storeFromCells([JSON.stringify({ format: "1", model: defaultModel(), nextId: 1 })])).toMatchObject({
    kind: "damaged",
    problems: [{ code: "shape", at: "format", detail: "Invalid input: expected number, received string" }],
  });
});
