/**
 * The workbook description: pure data that both renderers (ExcelJS for .xlsx files, Office.js inside
 * Excel) turn into the same sheets, cells, formulas, formats and rules.
 */

export type CellValue = string | number | boolean | null;

export interface Cell {
  /** A constant. Strings are always text, whatever their first character. */
  v?: CellValue;
  /** A formula without the leading "=", English function names, comma separators. */
  f?: string;
  /** Number format ("0%", "dd/mm/yyyy", "@"). */
  fmt?: string;
}

export interface Style {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle";
  border?: boolean;
}

export type Validation =
  | { type: "list"; source: string; title: string; message: string }
  | { type: "decimal"; min: number; max: number | null; title: string; message: string }
  | { type: "whole"; min: number; max: number | null; title: string; message: string }
  | { type: "date"; title: string; message: string }
  | { type: "custom"; formula: string; title: string; message: string };

export interface ConditionalFormat {
  range: string;
  /** A formula relative to the range's top-left cell, without "=". */
  formula: string;
  fill: string;
  color: string;
}

export interface SheetSpec {
  name: string;
  /** Rows from row 1; a missing or empty cell is left blank. */
  rows: Cell[][];
  columns: Array<{ width: number; hidden?: boolean }>;
  hiddenRows: number[];
  /** Row heights in points, for rows of wrapped text. */
  rowHeights: Record<number, number>;
  styles: Array<{ range: string; style: Style }>;
  merges: string[];
  freeze: { rows: number; columns: number } | null;
  validations: Array<{ range: string; rule: Validation }>;
  conditionalFormats: ConditionalFormat[];
  /** Bars in the cells of a range, from `min` (empty) to `max` (full): the picture of a ratio without a chart. */
  dataBars?: Array<{ range: string; color: string; min: number; max: number }>;
  /** Ranges officials type into; every other cell is locked when the sheet is protected. */
  inputs: string[];
  protect: boolean;
  /** fitToWidth false lets a wide sheet (the province's matrix) run over several pages. */
  print: { landscape: boolean; repeatRows: [number, number] | null; area?: string; fitToWidth?: boolean; repeatColumns?: string };
  tabColor?: string;
  /** Hidden from officials (the metadata sheet a program reads back). */
  hidden?: boolean;
}

/** Cells added to a sheet the official already has, in cells that held nothing: never one of theirs. */
export interface SheetOverlay {
  sheet: string;
  cells: Array<{ row: number; col: number; cell: Cell }>;
  columns: Array<{ col: number; width: number; hidden?: boolean }>;
  styles: Array<{ range: string; style: Style }>;
  merges: string[];
  /** Rules of the sheet (the status colours on the official's rows); their cells' own formats are untouched. */
  conditionalFormats: ConditionalFormat[];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  names: Array<{ name: string; ref: string }>;
  title: string;
  /** Additions to the official's own sheets (see src/template). */
  overlays?: SheetOverlay[];
}

export function colLetter(index1: number): string {
  let n = index1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function addr(col: number, row: number, absolute = false): string {
  return absolute ? `$${colLetter(col)}$${row}` : `${colLetter(col)}${row}`;
}

export function rangeAddr(c1: number, r1: number, c2: number, r2: number): string {
  return `${addr(c1, r1)}:${addr(c2, r2)}`;
}

/** A sheet name quoted for use in a formula or a defined name. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function emptySheet(name: string): SheetSpec {
  return {
    name,
    rows: [],
    columns: [],
    hiddenRows: [],
    rowHeights: {},
    styles: [],
    merges: [],
    freeze: null,
    validations: [],
    conditionalFormats: [],
    inputs: [],
    protect: true,
    print: { landscape: true, repeatRows: null },
  };
}

export function setCell(sheet: SheetSpec, row: number, col: number, cell: Cell): void {
  while (sheet.rows.length < row) sheet.rows.push([]);
  const r = sheet.rows[row - 1]!;
  while (r.length < col) r.push({});
  r[col - 1] = cell;
}

/** The cell at (row, col), 1-based, made empty first where the sheet does not reach it yet. */
export function cellAt(sheet: SheetSpec, row: number, col: number): Cell {
  const existing = sheet.rows[row - 1]?.[col - 1];
  if (existing) return existing;
  const cell: Cell = {};
  setCell(sheet, row, col, cell);
  return cell;
}

/** Days since 1899-12-30: how spreadsheets store a date. */
export function dateSerial(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000) + 25569;
}

export function serialToIso(serial: number): string {
  return new Date((serial - 25569) * 86400000).toISOString().slice(0, 10);
}

/** Excel refuses a cell holding more characters than this. */
export const CELL_TEXT_LIMIT = 32767;
const CUT_MARK = " …[đã cắt]";

/**
 * Text longer than a cell can hold is cut, and said (sheet, cell, length): Excel would refuse the whole
 * write otherwise. Both renderers call it; calling it twice changes nothing.
 */
export function cutLongText(spec: WorkbookSpec): string[] {
  const said: string[] = [];
  for (const sheet of spec.sheets) {
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell?.v === "string" && cell.v.length > CELL_TEXT_LIMIT) {
          said.push(`Ô ${sheet.name}!${addr(c + 1, r + 1)} dài ${cell.v.length} ký tự, quá giới hạn ${CELL_TEXT_LIMIT} ký tự của Excel: đã cắt bớt phần cuối`);
          cell.v = cell.v.slice(0, CELL_TEXT_LIMIT - CUT_MARK.length) + CUT_MARK;
        }
      }),
    );
  }
  return said;
}

/**
 * Row height in points for wrapped text: the tallest of the cells, wrapped word by word at about one
 * character per width unit (bold headers and Vietnamese letters run wider than Excel's digit width).
 */
export function rowHeight(cells: Array<[string, number]>): number {
  const lines = Math.max(1, ...cells.map(([text, width]) => wrappedLines(text ?? "", Math.max(1, Math.floor(width)))));
  return Math.min(409, 15 * lines + 2);
}

function wrappedLines(text: string, capacity: number): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= capacity) used = need;
      else {
        // A word longer than the line breaks where it must.
        lines += used === 0 ? Math.ceil(word.length / capacity) - 1 : Math.ceil(word.length / capacity);
        used = word.length % capacity || capacity;
      }
    }
  }
  return lines;
}
