/**
 * An editable view of the in-memory workbook: sheet tabs, a formula bar and the used area of the
 * active sheet, redrawn whenever the workbook changes (a person's edit or the add-in's writes).
 *
 * data-testid: sheet-tab-<name>, formula-bar, cell-<A1> (with data-value), grid.
 */
import { memo, useEffect, useMemo, useState, useSyncExternalStore, type KeyboardEvent, type MouseEvent, type UIEvent } from "react";
import { cellA1, columnLetters, parseAddress } from "../core/address";
import type { Lang } from "../i18n";
import { pv } from "../i18n/preview";
import { displayText } from "../sim/values";
import type { SimCellSnapshot, SimWorkbook } from "../sim/workbook";
import { shownInput, shownText } from "./typing";

const MIN_ROWS = 30;
const MIN_COLS = 12;
/** Rows drawn beyond what is scrolled into view: a sheet of 1,000 measures draws ~60 rows, not 1,000, on every change. */
const ROW_HEIGHT = 23;
const FIRST_ROWS = 60;

function raw(wb: SimWorkbook, sheet: string, a1: string): string {
  return rawOf(wb.getCell(sheet, a1));
}

/** What a person typed into a cell, as the formula bar shows it. */
function rawOf(c: Pick<SimCellSnapshot, "formula" | "value">): string {
  if (c.formula) return `=${c.formula}`;
  const v = c.value;
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return String(v);
}

function parseRange(address: string): { r0: number; c0: number; r1: number; c1: number } | undefined {
  const p = parseAddress(address);
  return p ? { r0: p.row, c0: p.col, r1: p.toRow, c1: p.toCol } : undefined;
}

function tableHeaderCells(wb: SimWorkbook, sheet: string): Set<string> {
  const out = new Set<string>();
  for (const name of wb.tableNames()) {
    const info = wb.tableInfo(name);
    if (info.sheet !== sheet) continue;
    const r = parseRange(info.address);
    if (r) for (let c = r.c0; c <= r.c1; c++) out.add(cellA1(r.r0, c));
  }
  return out;
}

interface Bar {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  lo: number;
  hi: number;
  color: string;
}

function dataBars(wb: SimWorkbook, sheet: string): Bar[] {
  return wb
    .conditionalFormats(sheet)
    .filter((cf) => cf.type === "DataBar")
    .flatMap((cf) => {
      const r = parseRange(cf.address);
      const props = ((cf.props as { dataBar?: unknown }).dataBar ?? cf.props) as { lowerBoundRule?: { formula?: string }; upperBoundRule?: { formula?: string }; positiveFormat?: { fillColor?: string } };
      const lo = Number(props.lowerBoundRule?.formula ?? 0);
      const hi = Number(props.upperBoundRule?.formula ?? 1);
      return r && hi > lo ? [{ ...r, lo, hi, color: props.positiveFormat?.fillColor ?? "#5B9BD5" }] : [];
    });
}

/** The add-in's marks (custom conditional formats whose rule is always true) as fills by cell. */
function markFills(wb: SimWorkbook, sheet: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const cf of wb.conditionalFormats(sheet)) {
    const custom = (cf.props as { custom?: { rule?: { formula?: string }; format?: { fill?: { color?: string } } } }).custom;
    const color = custom?.format?.fill?.color;
    const r = parseRange(cf.address);
    if (cf.type !== "Custom" || !color || !r || !custom?.rule?.formula?.startsWith('=ISTEXT("PrioMerknad')) continue;
    for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) if (!out.has(cellA1(row, col))) out.set(cellA1(row, col), color);
  }
  return out;
}

function barBackground(bars: Bar[], r: number, c: number, v: unknown): string | undefined {
  if (typeof v !== "number") return undefined;
  const bar = bars.find((b) => r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1);
  if (!bar) return undefined;
  const pct = Math.max(0, Math.min(100, ((v - bar.lo) / (bar.hi - bar.lo)) * 100));
  return `linear-gradient(90deg, ${bar.color}88 ${pct}%, transparent ${pct}%)`;
}

/** What a cell shows, as values (compared to skip a row that did not change). */
interface CellView {
  at: string;
  value: string;
  text: string;
  className: string;
  background: string | undefined;
  bold: boolean;
}

const sameCells = (a: CellView[], b: CellView[]): boolean =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i];
    return x.at === y.at && x.value === y.value && x.text === y.text && x.className === y.className && x.background === y.background && x.bold === y.bold;
  });

const GridRow = memo(
  function GridRow({ r, cells }: { r: number; cells: CellView[] }) {
    return (
      <tr>
        <th>{r + 1}</th>
        {cells.map((c) => (
          <td key={c.at} data-testid={`cell-${c.at}`} data-value={c.value} className={c.className} style={{ background: c.background, fontWeight: c.bold ? 600 : undefined }}>
            {c.text}
          </td>
        ))}
      </tr>
    );
  },
  (a, b) => a.r === b.r && sameCells(a.cells, b.cells),
);

export function GridView({ wb, lang }: { wb: SimWorkbook; lang: Lang }) {
  const version = useSyncExternalStore(
    (cb) => wb.onUpdate(cb),
    () => wb.changeVersion,
  );
  const sheets = wb.sheetNames().filter((s) => wb.sheetInfo(s).visibility === "Visible");
  const active = wb.activeSheetName();
  const [sheet, setSheet] = useState(sheets.includes(active) ? active : sheets[0]);
  const [selected, setSelected] = useState({ row: 0, col: 0 });
  const [draft, setDraft] = useState<string | undefined>(undefined);
  // Rows down to the bottom of the view (and a screenful more) are drawn; further rows as they are scrolled to.
  const [drawn, setDrawn] = useState(FIRST_ROWS);
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    const need = Math.ceil((el.scrollTop + 2 * el.clientHeight) / ROW_HEIGHT);
    if (need > drawn) setDrawn(need + FIRST_ROWS);
  };

  // Follow the add-in: when it selects a cell (a finding clicked), show that sheet and cell.
  useEffect(() => {
    const sel = wb.selection();
    if (sel.sheet && sheets.includes(sel.sheet)) {
      setSheet(sel.sheet);
      const m = /^([A-Z]+)(\d+)/.exec(sel.address);
      if (m) {
        let col = 0;
        for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
        setSelected({ row: Number(m[2]) - 1, col: col - 1 });
      }
    }
  }, [wb.selection().sheet, wb.selection().address]);

  const grid = useMemo(() => wb.gridOf(sheet), [wb, sheet, version]);
  // Table header cells are drawn as headers; data bars as a bar behind the number.
  const headers = useMemo(() => tableHeaderCells(wb, sheet), [wb, sheet, version]);
  const bars = useMemo(() => dataBars(wb, sheet), [wb, sheet, version]);
  const marks = useMemo(() => markFills(wb, sheet), [wb, sheet, version]);
  const rows = Math.max(MIN_ROWS, grid.rows.length + 5);
  const shown = Math.min(rows, Math.max(drawn, selected.row + FIRST_ROWS));
  // grid.rows is sparse (blank rows are holes), so it is walked, not spread.
  let cols = MIN_COLS;
  grid.rows.forEach((r) => {
    if (r) cols = Math.max(cols, r.length + 1);
  });
  const a1 = cellA1(selected.row, selected.col);
  const selectedCell = wb.getCell(sheet, a1);
  const content = draft ?? shownInput(lang, raw(wb, sheet, a1), !selectedCell.formula && typeof selectedCell.value === "number");

  const commit = () => {
    // As Excel in the display language's locale: «7,5» is 7.5 in bokmål, «7.5» the date 7 May.
    if (draft !== undefined) {
      wb.locale = lang;
      wb.userEdit(sheet, a1, draft);
    }
    setDraft(undefined);
    setSelected({ row: selected.row + 1, col: selected.col });
  };
  /** A row's cells as values: a row whose cells read the same is not drawn again (an edit redraws one or two rows, not 60). */
  const cellsOf = (r: number): CellView[] =>
    Array.from({ length: cols }, (_, c) => {
      const at = cellA1(r, c);
      const cell = grid.rows[r]?.[c];
      const snapshot = cell ? wb.peekCell(sheet, r, c) : undefined;
      const isSel = r === selected.row && c === selected.col;
      return {
        at,
        value: snapshot ? rawOf(snapshot) : "",
        // The text Excel shows (wb.getText's), from the cell already peeked: no address parsed again per cell.
        text: cell ? shownText(lang, displayText(snapshot?.value ?? null, snapshot?.numberFormat), typeof cell.value === "number") : "",
        className: [isSel ? "sel" : "", typeof cell?.value === "number" ? "num" : "", headers.has(at) ? "table-header" : ""].join(" "),
        background: barBackground(bars, r, c, cell?.value) ?? marks.get(at) ?? snapshot?.format?.fill ?? undefined,
        bold: Boolean(snapshot?.format?.font?.bold || headers.has(at)),
      };
    });
  // One handler for the table: the cell is the clicked <td>'s place in its row (after the row number).
  const onCell = (edit: boolean) => (e: MouseEvent<HTMLTableSectionElement>) => {
    const td = (e.target as HTMLElement).closest("td");
    const tr = td?.parentElement as HTMLTableRowElement | null;
    if (!td || !tr || !e.currentTarget.contains(td)) return;
    setSelected({ row: tr.sectionRowIndex, col: td.cellIndex - 1 });
    if (edit) (document.querySelector('[data-testid="formula-bar"]') as HTMLInputElement | null)?.focus();
    else setDraft(undefined);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") commit();
    if (e.key === "Escape") setDraft(undefined);
  };

  return (
    <div className="grid-view">
      <div className="tabs" role="tablist">
        {sheets.map((s) => (
          <button key={s} role="tab" aria-selected={s === sheet} data-testid={`sheet-tab-${s}`} onClick={() => setSheet(s)}>
            {s}
          </button>
        ))}
      </div>
      <div className="formula-bar">
        <span className="address">{a1}</span>
        <input
          aria-label={pv(lang, "formulaBar")}
          title={pv(lang, "editHint")}
          data-testid="formula-bar"
          value={content}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
        />
      </div>
      <div className="sheet" data-testid="grid" onScroll={onScroll}>
        <table>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c}>{columnLetters(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody onClick={onCell(false)} onDoubleClick={onCell(true)}>
            {Array.from({ length: shown }, (_, r) => (
              <GridRow key={r} r={r} cells={cellsOf(r)} />
            ))}
            {shown < rows && <tr aria-hidden="true" style={{ height: (rows - shown) * ROW_HEIGHT }} />}
          </tbody>
        </table>
      </div>
    </div>
  );
}
