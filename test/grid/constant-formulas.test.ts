/** Office gives a constant's value in `formulas` too: text that starts with "=" is not a formula. */
import { gridFromValues } from "../../src/grid/grid";

test("a text cell '=abc read with formulas is text; a real formula keeps its formula", () => {
  const g = gridFromValues("Ark1", [["=abc", "PLLx", 7]], [["=abc", '="PLL"&"x"', 7]]);
  expect(g.rows[0]).toEqual([{ value: "=abc" }, { value: "PLLx", formula: '"PLL"&"x"' }, { value: 7 }]);
});
