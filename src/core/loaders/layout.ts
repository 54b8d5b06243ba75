import { readHeader } from "./columns";
import { readGroupLabel } from "./context";

/**
 * Tables rebuilt from text positions: the text layer of a PDF, or text copied out of a PDF viewer where
 * columns arrive as runs of spaces. Chunks of a line are assigned to columns found by clustering where
 * chunks start. Rows form around "anchor" lines, those with text in the first column (the STT): a cell
 * may be aligned to the top of its row (the anchor is the row's first line) or centred (the anchor sits
 * in the middle), and the reading that cuts the table at the wider vertical gaps is taken. A region
 * becomes tab-separated rows only when one of its first rows reads as a table header.
 */

export interface Chunk {
  x: number;
  /** Where the chunk ends, on the same scale as x. */
  end: number;
  text: string;
}

export interface PositionedLine {
  /** Vertical position, growing down the document (a line index, or points from the top). */
  y: number;
  /** Output line it belongs to (the input line for pasted text). */
  at: number;
  chunks: Chunk[];
}

/**
 * Where columns start: clusters of chunk starts found in at least two different rows. A centred header
 * word makes none, even when the header is repeated on every page (repeated rows count once).
 */
function columnStarts(lines: PositionedLine[], rowOf: number[], anchors: number[], tolerance: number): number[] {
  const rowText = new Map<number, string>();
  lines.forEach((l, i) => rowText.set(rowOf[i]!, `${rowText.get(rowOf[i]!) ?? ""} ${plain(l)}`));
  // Data rows (numbered "1", "2.1", "II", "a)") decide the columns; header words, centred over them, do not.
  const isData = (row: number) => DATA_CODE.test(lines[anchors[row]!]?.chunks[0]?.text ?? "");
  const voting = lines.some((_, i) => isData(rowOf[i]!)) ? (i: number) => isData(rowOf[i]!) : () => true;
  const xs = lines.flatMap((l, i) => (voting(i) ? l.chunks.map((c) => ({ x: c.x, row: rowText.get(rowOf[i]!) ?? "" })) : [])).sort((a, b) => a.x - b.x);
  const clusters: Array<{ x: number; rows: Set<string> }> = [];
  for (const p of xs) {
    const last = clusters[clusters.length - 1];
    if (last && p.x - last.x <= tolerance) last.rows.add(p.row);
    else clusters.push({ x: p.x, rows: new Set([p.row]) });
  }
  const starts = clusters.filter((c, k) => c.rows.size >= 2 || k === 0).map((c) => c.x);
  return starts.length ? starts : [xs[0]?.x ?? 0];
}

const DATA_CODE = /^(\(?\d{1,3}(\.\d{1,3})*[.)]?|[IVXLC]{1,6}\.?|[A-ZĐ]\.?|[a-zđ]\))$/;

function columnOf(x: number, starts: number[], tolerance: number): number {
  let col = 0;
  starts.forEach((start, k) => {
    if (start <= x + tolerance) col = k;
  });
  return col;
}

/** Which anchor each line joins: the one above it (top-aligned cells) or the nearest (centred cells). */
function assignRows(lines: PositionedLine[], anchors: number[], centred: boolean): number[] {
  return lines.map((line, i) => {
    let owner = 0;
    anchors.forEach((anchor, a) => {
      if (anchor <= i) owner = a;
    });
    if (!centred) return owner;
    let best = owner;
    for (const a of [owner - 1, owner, owner + 1]) {
      if (a < 0 || a >= anchors.length) continue;
      const d = Math.abs(lines[anchors[a]!]!.y - line.y);
      const bestD = Math.abs(lines[anchors[best]!]!.y - line.y);
      // Equally far from two anchors: the line stays with whichever neighbouring line is closer.
      const next = lines[i + 1];
      const previous = lines[i - 1];
      const tieGoesDown = d === bestD && a > best && next !== undefined && previous !== undefined && next.y - line.y < line.y - previous.y;
      if (d < bestD || tieGoesDown) best = a;
    }
    return best;
  });
}

/**
 * A centred row never spans a gap as wide as those between rows: lines cut off from their anchor by such a
 * gap (the end of a row broken by a page, sitting under the repeated header) go to the line before them.
 */
function detachAcrossGaps(lines: PositionedLine[], owners: number[], anchors: number[], wide: number, pageHeight: number): number[] {
  const out = owners.slice();
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i]!.y - lines[i - 1]!.y;
    const row = out[i]!;
    if (row !== out[i - 1] || gap < wide || gap >= pageHeight / 2) continue;
    // The part above the gap lost its anchor: it joins whatever precedes it.
    if (anchors[row]! >= i) {
      let k = i - 1;
      while (k >= 0 && out[k] === row) k--;
      if (k < 0) continue;
      for (let m = k + 1; m < i; m++) out[m] = out[k]!;
    }
  }
  return out;
}

/** The mean vertical gap where a reading cuts the table between rows (page changes left out). */
function cutGap(lines: PositionedLine[], owners: number[], pageHeight: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i]!.y - lines[i - 1]!.y;
    if (owners[i] !== owners[i - 1] && gap < pageHeight / 2) gaps.push(gap);
  }
  return gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : 0;
}

/** Lines of one table region as rows of cells, each row at the output line of its first line. */
function regionRows(lines: PositionedLine[], tolerance: number, pageHeight: number): Array<{ at: number; cells: string[] }> {
  // Anchors: lines with text in the first (leftmost) column, the row's number.
  const left = Math.min(...lines.map((l) => l.chunks[0]?.x ?? Infinity));
  // A centred first cell ("STT" over numbers written at the left) still lies wholly left of every second cell.
  const secondColumn = Math.min(...lines.map((l) => l.chunks[1]?.x ?? Infinity));
  const isAnchor = (line: PositionedLine) => {
    const first = line.chunks[0];
    return first !== undefined && (first.x <= left + tolerance || (line.chunks.length >= 2 && first.end < secondColumn - tolerance));
  };
  const anchors = lines.flatMap((line, i) => (isAnchor(line) ? [i] : []));
  if (anchors.length === 0) anchors.push(0);
  const top = assignRows(lines, anchors, false);
  const centred = assignRows(lines, anchors, true);
  const centredGap = cutGap(lines, centred, pageHeight);
  const owners = centredGap > cutGap(lines, top, pageHeight) ? detachAcrossGaps(lines, centred, anchors, Math.max(2 * medianGap(lines), 0.75 * centredGap), pageHeight) : top;
  // A header repeated on a new page: the lines under it that are not header text end the row broken by the page.
  const anchorText = (a: number) => lines[anchors[a]!]?.chunks[0]?.text ?? "";
  const firstHeader = anchors.findIndex((_, a) => !DATA_CODE.test(anchorText(a)));
  if (firstHeader >= 0) {
    const headerLines = new Set(lines.filter((_, i) => owners[i] === firstHeader).map(plain));
    for (let a = firstHeader + 1; a < anchors.length; a++) {
      if (anchorText(a) !== anchorText(firstHeader)) continue;
      lines.forEach((l, i) => {
        if (owners[i] === a && !headerLines.has(plain(l))) owners[i] = a - 1;
      });
    }
  }
  const starts = columnStarts(lines, owners, anchors, tolerance);
  const cellsOf = lines.map((line) => {
    const cells: string[][] = starts.map(() => []);
    for (const chunk of line.chunks) cells[columnOf(chunk.x, starts, tolerance)]!.push(chunk.text);
    return cells;
  });
  const rows = anchors.map(() => ({ at: Infinity, pieces: starts.map((): string[] => []) }));
  lines.forEach((line, i) => {
    const row = rows[owners[i]!]!;
    row.at = Math.min(row.at, line.at);
    cellsOf[i]!.forEach((pieces, k) => row.pieces[k]!.push(...pieces));
  });
  return rows.filter((r) => r.at !== Infinity).map((r) => ({ at: r.at, cells: r.pieces.map((p) => p.join(" ").replace(/\s+/g, " ").trim()) }));
}

function medianGap(lines: PositionedLine[]): number {
  const gaps = lines
    .slice(1)
    .map((l, i) => l.y - lines[i]!.y)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 1;
}

function plain(line: PositionedLine): string {
  return line.chunks
    .map((c) => c.text)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A line belongs to a table region when it has several chunks, or when it is one chunk lying inside the
 * table's columns (a wrapped cell, or a group row such as "I. HẠ TẦNG SỐ").
 */
function continuesRegion(line: PositionedLine, left: number, tolerance: number): boolean {
  const only = line.chunks[0];
  if (line.chunks.length >= 2) return true;
  if (only === undefined) return false;
  if (only.x > left + tolerance) return true;
  return only.text.length <= 150 && (readGroupLabel(only.text) !== null || /^\d{1,3}(\.\d{1,3})*[.)]?$/.test(only.text));
}

/**
 * Positioned lines (in reading order) as text lines: table regions as tab-separated rows, the rest as they
 * read. `lineCount` output lines; each input line's text goes to its `at` (a row's continuation lines stay blank).
 */
export function layoutText(lines: PositionedLine[], tolerance: number, lineCount: number, pageHeight = Infinity): string[] {
  const out: string[] = new Array<string>(lineCount).fill("");
  let k = 0;
  let tableEnd = 0;
  for (let line = lines[k]; line !== undefined; line = lines[k]) {
    if (line.chunks.length < 2) {
      out[line.at] = plain(line);
      k++;
      continue;
    }
    const region: PositionedLine[] = [line];
    let left = Math.min(...line.chunks.map((c) => c.x));
    let j = k + 1;
    for (let next = lines[j]; next !== undefined && continuesRegion(next, left, tolerance); next = lines[++j]) {
      left = Math.min(left, ...next.chunks.map((c) => c.x));
      region.push(next);
    }
    // A header cell's centred first line ("Chỉ tiêu" over "năm 2026") sits just above the first line with several chunks.
    const spacing = medianGap(region);
    for (let start = k; start > tableEnd; start--) {
      const above = lines[start - 1]!;
      const aboveOnly = above.chunks.length === 1 ? above.chunks[0]! : undefined;
      if (!aboveOnly || aboveOnly.x <= left + tolerance || lines[start]!.y - above.y > spacing * 1.2) break;
      region.unshift(above);
    }
    // A region may start with the plan's own lines above the table: begin it where the first row is a header.
    const rows = regionRows(region, tolerance, pageHeight);
    const isTable = rows.length >= 2 && rows.slice(0, 3).some((r) => readHeader(r.cells) !== null);
    if (isTable) {
      for (const l of region) out[l.at] = "";
      for (const r of rows) out[r.at] = r.cells.join("\t");
      k = j;
      tableEnd = j;
    } else {
      out[line.at] = plain(line);
      k++;
    }
  }
  return out;
}

/**
 * Text copied from a PDF viewer (or `pdftotext -layout`): columns separated by runs of two or more
 * spaces. Character offsets serve as positions and line numbers as heights; a text without such runs
 * comes back unchanged, and every line keeps its number.
 */
export function spacedColumnsToTabs(text: string): string {
  const rawLines = text.split("\n");
  if (text.includes("\t")) return text;
  let spaced = 0;
  for (const l of rawLines) if (/\S {2,}\S/.test(l)) spaced++;
  if (spaced < 3) return text;
  const lines: PositionedLine[] = [];
  rawLines.forEach((l, i) => {
    const chunks: Chunk[] = [];
    const re = /\S+(?: \S+)*/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(l))) chunks.push({ x: m.index, end: m.index + m[0].length, text: m[0] });
    if (chunks.length) lines.push({ y: i, at: i, chunks });
  });
  return layoutText(lines, 1, rawLines.length).join("\n");
}
