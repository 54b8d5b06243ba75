/**
 * Finds the tables in pasted text. Three ways tables arrive:
 * - tab-separated rows (copied from Word or a PDF converter);
 * - markdown pipe rows `| a | b |`, where a long cell may wrap onto lines that do not start with `|`;
 * - web-page copies, where each cell starts with `|` on its own line(s) and a row ends at a blank
 *   line or a lone `|` line.
 * Blank lines inside a table are page breaks: the row after one is marked, since a row split across
 * a page break continues there.
 */

export interface Row {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
  /** The row follows a page break (blank line or repeated header) inside the table. */
  afterBreak: boolean;
}

export interface TableBlock {
  rows: Row[];
  startLine: number;
  endLine: number;
}

// Past the last line (undefined) reads as a blank line.
const isBlank = (s = ""): boolean => s.trim() === "";
const isTsv = (s = ""): boolean => s.includes("\t") && s.replace(/\t/g, "").trim() !== "";
const pipeCount = (s: string): number => (s.match(/\|/g) ?? []).length;
const isMarkdownRow = (s = ""): boolean => /^\s*\|/.test(s) && pipeCount(s) >= 2 && s.replace(/[|\s]/g, "") !== "";
const isMarkdownRule = (s: string): boolean => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(s);
const startsWebCell = (s = ""): boolean => /^\s*\|/.test(s) && !isMarkdownRow(s);

function nextNonBlank(lines: string[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i])) i++;
  return i;
}

function readTsv(lines: string[], start: number): { block: TableBlock; next: number } {
  const rows: Row[] = [];
  let i = start;
  let afterBreak = false;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      const j = nextNonBlank(lines, i);
      if (j < lines.length && isTsv(lines[j])) {
        afterBreak = true;
        i = j;
        continue;
      }
      break;
    }
    const line = lines[i]!;
    if (!isTsv(line)) break;
    rows.push({ cells: line.split("\t"), line: i + 1, afterBreak });
    afterBreak = false;
    i++;
  }
  return { block: { rows, startLine: start + 1, endLine: i }, next: i };
}

function splitPipeRow(text: string): string[] {
  let t = text.trim();
  if (t.startsWith("|")) t = t.slice(1);
  if (t.endsWith("|") && !t.endsWith("\\|")) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, "|"));
}

function readMarkdown(lines: string[], start: number): { block: TableBlock; next: number } {
  const rows: Row[] = [];
  let i = start;
  let afterBreak = false;
  let current: { text: string; line: number; afterBreak: boolean } | null = null;
  const flush = (): void => {
    if (current) rows.push({ cells: splitPipeRow(current.text), line: current.line, afterBreak: current.afterBreak });
    current = null;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      const j = nextNonBlank(lines, i);
      if (j < lines.length && isMarkdownRow(lines[j])) {
        flush();
        afterBreak = true;
        i = j;
        continue;
      }
      break;
    }
    if (isMarkdownRule(line)) {
      flush();
      i++;
      continue;
    }
    if (isMarkdownRow(line)) {
      flush();
      current = { text: line, line: i + 1, afterBreak };
      afterBreak = false;
    } else if (current) {
      // A wrapped cell: the line continues the row that is open.
      (current as { text: string }).text += ` ${line.trim()}`;
    } else break;
    i++;
  }
  flush();
  return { block: { rows, startLine: start + 1, endLine: i }, next: i };
}

function readWebCells(lines: string[], start: number): { block: TableBlock; next: number } {
  const rows: Row[] = [];
  let cells: string[] = [];
  let rowLine = start + 1;
  let afterBreak = false;
  let open = false;
  const endRow = (): void => {
    while (cells.length && cells[cells.length - 1]!.trim() === "") cells.pop();
    if (cells.length) rows.push({ cells, line: rowLine, afterBreak });
    cells = [];
    open = false;
    afterBreak = false;
  };
  let i = start;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      const j = nextNonBlank(lines, i);
      endRow();
      if (j < lines.length && startsWebCell(lines[j])) {
        i = j;
        continue;
      }
      break;
    }
    if (isMarkdownRow(line) || isTsv(line)) break;
    if (startsWebCell(line)) {
      const rest = line.replace(/^\s*\|/, "");
      if (rest.trim() === "" && open && cells.length > 0 && i + 1 < lines.length && (isBlank(lines[i + 1]) || startsWebCell(lines[i + 1]))) {
        // A lone "|" closes the row when the next line opens a new cell or the table pauses.
        endRow();
        i++;
        continue;
      }
      if (!open) rowLine = i + 1;
      open = true;
      cells.push(rest.trim());
    } else if (open) {
      // Words wrap mid-cell: the line continues the last cell.
      cells[cells.length - 1] = `${cells[cells.length - 1] ?? ""} ${line.trim()}`.trim();
    } else break;
    i++;
  }
  endRow();
  return { block: { rows, startLine: start + 1, endLine: i }, next: i };
}

/** Splits the text into table blocks; every line not inside a table is left for the prose reader. */
export function extractTables(lines: string[]): { tables: TableBlock[]; inTable: boolean[] } {
  const tables: TableBlock[] = [];
  const inTable = new Array<boolean>(lines.length).fill(false);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    let read: { block: TableBlock; next: number } | null = null;
    if (isTsv(line)) read = readTsv(lines, i);
    else if (isMarkdownRow(line)) read = readMarkdown(lines, i);
    else if (startsWebCell(line) && i + 1 < lines.length && !isBlank(lines[i + 1])) read = readWebCells(lines, i);
    if (read && read.block.rows.length > 0) {
      tables.push(read.block);
      for (let k = i; k < read.next; k++) inTable[k] = true;
      i = Math.max(read.next, i + 1);
    } else i++;
  }
  return { tables, inTable };
}

/** For web-copied cells that arrived without row ends: cut the cell stream into rows of the header's width. */
export function rechunk(block: TableBlock, width: number): TableBlock {
  const only = block.rows[0];
  if (width < 2 || block.rows.length !== 1 || !only || only.cells.length <= width) return block;
  const all = only.cells;
  const rows: Row[] = [];
  for (let k = 0; k < all.length; k += width) rows.push({ cells: all.slice(k, k + width), line: only.line, afterBreak: false });
  return { ...block, rows };
}
