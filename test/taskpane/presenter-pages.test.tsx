/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The presenter with a long ranking (issue 16, item 5): pages of 15 rows («1–15 av 40»), turned by
// the keys a presentation clicker sends, the captions kept; the several scorers' block on a page of
// its own (item 6); the rank acceptability table paged the same way.
import "./setup";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { Presenter } from "../../src/presenter/Presenter";
import { acceptabilityPages, pageMove, rankingPages, turn } from "../../src/presenter/pages";
import type { PresenterMessage } from "../../src/presenter/protocol";

afterEach(cleanup);

describe("pages", () => {
  test("40 rows: 1–15, 16–30, 31–40; the scorers' cells after them, 8 a page", () => {
    expect(rankingPages(40, null)).toEqual([
      { kind: "ranking", from: 0, to: 15 },
      { kind: "ranking", from: 15, to: 30 },
      { kind: "ranking", from: 30, to: 40 },
    ]);
    expect(rankingPages(14, 3)).toEqual([
      { kind: "ranking", from: 0, to: 14 },
      { kind: "scorers", from: 0, to: 3 },
    ]);
    expect(rankingPages(15, 17).map((p) => [p.kind, p.from, p.to])).toEqual([
      ["ranking", 0, 15],
      ["scorers", 0, 8],
      ["scorers", 8, 16],
      ["scorers", 16, 17],
    ]);
    // No cells flagged: the scorers' page still says so (agreement, nothing to discuss).
    expect(rankingPages(0, 0)).toEqual([
      { kind: "ranking", from: 0, to: 0 },
      { kind: "scorers", from: 0, to: 0 },
    ]);
    expect(acceptabilityPages(16)).toEqual([
      { kind: "acceptability", from: 0, to: 15 },
      { kind: "acceptability", from: 15, to: 16 },
    ]);
  });

  test("the clicker's keys: PgDn, →, ↓ and space forward; PgUp, ←, ↑ and shift+space back; Home, End; others and chords are not ours", () => {
    expect(["PageDown", "ArrowRight", "ArrowDown", " "].map((key) => pageMove({ key }))).toEqual(["next", "next", "next", "next"]);
    expect(["PageUp", "ArrowLeft", "ArrowUp"].map((key) => pageMove({ key }))).toEqual(["previous", "previous", "previous"]);
    expect(pageMove({ key: " ", shiftKey: true })).toBe("previous");
    expect([pageMove({ key: "Home" }), pageMove({ key: "End" })]).toEqual(["first", "last"]);
    expect([pageMove({ key: "a" }), pageMove({ key: "PageDown", ctrlKey: true }), pageMove({ key: "ArrowRight", altKey: true })]).toEqual([null, null, null]);
  });

  test("turning stays within the pages", () => {
    expect(turn(0, 3, "next")).toBe(1);
    expect(turn(2, 3, "next")).toBe(2);
    expect(turn(0, 3, "previous")).toBe(0);
    expect(turn(1, 3, "last")).toBe(2);
    expect(turn(2, 3, "first")).toBe(0);
    expect(turn(7, 3, "previous")).toBe(1);
  });
});

function message(n: number, patch: Partial<PresenterMessage> = {}): PresenterMessage {
  return {
    kind: "ranking",
    lang: "nb",
    title: "Rangering",
    captions: { rank: "Plass", measure: "Tiltak", total: "Score", segment: "Segment", move: "Endring", since: "Endring siden forrige rangering" },
    rows: Array.from({ length: n }, (_, i) => ({ id: `T${String(i + 1).padStart(3, "0")}`, rank: String(i + 1), name: `Tiltak ${i + 1}`, total: `${30 - i * 0.5}`, bar: 1 - i / n })),
    ...patch,
  };
}

const shownRanks = () => screen.getAllByTestId("presenter-row").map((r) => r.getAttribute("data-rank"));
const key = (k: string, shiftKey = false) => act(() => void fireEvent.keyDown(window, { key: k, shiftKey }));

describe("the presenter page", () => {
  test("40 measures: 15 rows a page, «1–15 av 40», turned by the clicker's keys, the captions on every page", () => {
    render(<Presenter message={message(40)} waiting="" />);
    expect(shownRanks()).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1)));
    expect(screen.getByTestId("presenter-page").textContent).toBe("1–15 av 40");
    key("PageDown");
    expect(screen.getByTestId("presenter-page").textContent).toBe("16–30 av 40");
    expect(shownRanks()[0]).toBe("16");
    expect(document.querySelector(".row.head")!.hasAttribute("hidden")).toBe(false);
    expect(document.querySelector(".row.head")!.textContent).toBe("PlassTiltakScoreEndring");
    key(" ");
    expect(screen.getByTestId("presenter-page").textContent).toBe("31–40 av 40");
    expect(shownRanks()).toHaveLength(10);
    key("ArrowRight");
    expect(screen.getByTestId("presenter-page").textContent).toBe("31–40 av 40");
    key("ArrowLeft");
    key(" ", true);
    expect(screen.getByTestId("presenter-page").textContent).toBe("1–15 av 40");
    key("End");
    expect(shownRanks()[0]).toBe("31");
    key("Home");
    expect(shownRanks()[0]).toBe("1");
    // The buttons turn it too.
    fireEvent.click(screen.getByTestId("presenter-next"));
    expect(shownRanks()[0]).toBe("16");
    expect(screen.getByTestId("presenter-since").textContent).toBe("Endring siden forrige rangering");
  });

  test("a new ranking keeps the page; a shorter one keeps it within the pages there are", () => {
    const view = render(<Presenter message={message(40)} waiting="" />);
    key("End");
    view.rerender(<Presenter message={message(41)} waiting="" />);
    expect(screen.getByTestId("presenter-page").textContent).toBe("31–41 av 41");
    view.rerender(<Presenter message={message(20)} waiting="" />);
    expect(screen.getByTestId("presenter-page").textContent).toBe("16–20 av 20");
  });

  test("15 rows or fewer: one page, no page line", () => {
    render(<Presenter message={message(15)} waiting="" />);
    expect(screen.queryByTestId("presenter-page")).toBeNull();
    expect(screen.queryByTestId("presenter-next")).toBeNull();
    key("PageDown");
    expect(shownRanks()).toHaveLength(15);
  });

  test("the rank acceptability table of 16 measures: pages of its own, the ranking's page kept apart", () => {
    const acceptability = {
      title: "Hvor sikker er rangeringen",
      lead: "…",
      views: { ranking: "Rangering", acceptability: "Hvor sikker" },
      captions: { rank: "Plass", measure: "Tiltak" },
      places: ["1", "2–16"],
      rows: Array.from({ length: 16 }, (_, i) => ({ id: `T${i}`, rank: String(i + 1), name: `Tiltak ${i + 1}`, cells: [{ text: "50 %", fill: "", ink: "1A1A1A", label: "" }, { text: "50 %", fill: "", ink: "1A1A1A", label: "" }] })),
    };
    render(<Presenter message={message(16, { acceptability })} waiting="" />);
    key("PageDown");
    expect(screen.getByTestId("presenter-page").textContent).toBe("16 av 16");
    fireEvent.click(screen.getByTestId("presenter-view-acceptability"));
    expect(screen.getByTestId("presenter-page").textContent).toBe("1–15 av 16");
    expect(screen.getAllByTestId("presenter-acceptability-row")).toHaveLength(15);
    key("PageDown");
    expect(screen.getAllByTestId("presenter-acceptability-row").map((r) => r.getAttribute("data-measure-id"))).toEqual(["T15"]);
    expect(screen.queryByTestId("presenter-list")!.closest("[role=table]")!.hasAttribute("hidden")).toBe(true);
  });

  test("in English", () => {
    render(<Presenter message={message(16, { lang: "en" })} waiting="" />);
    expect(screen.getByTestId("presenter-page").textContent).toBe("1–15 of 16");
    key("PageDown");
    expect(screen.getByTestId("presenter-page").textContent).toBe("16 of 16");
  });
});
