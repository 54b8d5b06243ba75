import type { Chunk, PositionedLine } from "../core/loaders/layout";
import { layoutText } from "../core/loaders/layout";

/**
 * A PDF's text layer (plans are published as signed PDFs), read with pdf.js: items on the same baseline
 * make a line, items close together make one chunk, and the table regions are rebuilt by position.
 */

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** One page's items as lines of chunks, top to bottom, with their baselines; a lone page number at the top or bottom is dropped. */
export function pageLines(items: PdfItem[]): Array<{ baseline: number; chunks: Chunk[] }> {
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row?.[0] && Math.abs(row[0].y - item.y) <= Math.max(2, item.size * 0.45)) row.push(item);
    else rows.push([item]);
  }
  const lines = rows.map((unsplit) => {
    const row = splitInterleaved(unsplit).sort((a, b) => a.x - b.x);
    const chunks: Chunk[] = [];
    for (const item of row) {
      const last = chunks[chunks.length - 1];
      const gap = last ? item.x - last.end : Infinity;
      // A gap wider than about one character separates two cells (word spaces are narrower).
      if (last && gap < item.size * 0.5) {
        last.text += gap > item.size * 0.15 && !/\s$/.test(last.text) && !/^\s/.test(item.str) ? ` ${item.str}` : item.str;
        last.end = Math.max(last.end, item.x + item.width);
      } else chunks.push({ x: item.x, end: item.x + item.width, text: item.str });
    }
    // Rows are never empty: each starts with the item that opened it.
    return { baseline: row[0]!.y, chunks: chunks.map((c) => ({ ...c, text: c.text.replace(/\s+/g, " ").trim() })).filter((c) => c.text) };
  });
  const isPageNumber = (l?: { chunks: Chunk[] }) => l?.chunks.length === 1 && /^(trang\s*)?\d{1,4}(\s*\/\s*\d{1,4})?$/i.test(l.chunks[0]!.text);
  while (isPageNumber(lines[0])) lines.shift();
  while (isPageNumber(lines[lines.length - 1])) lines.pop();
  return lines;
}

/**
 * Letters a font lacks are drawn from a fallback font, as separate runs: "Tỷ lệ" arrives as "T", "l" in
 * one font and "ỷ ệ" in another, each item with a space where the other font's letters sit. An item
 * that has other items inside its span is cut at its spaces, its words placed along it by their share of
 * its letters; sorted by position, the runs then join up, with spaces only where the gaps say so.
 */
function splitInterleaved(row: PdfItem[]): PdfItem[] {
  return row.flatMap((item) => {
    if (!/\S\s+\S/.test(item.str) || !row.some((o) => o !== item && o.x > item.x + 0.5 && o.x < item.x + item.width - 0.5)) return [item];
    const perLetter = item.width / item.str.length;
    return [...item.str.matchAll(/\S+/g)].map((m) => ({ ...item, str: m[0], x: item.x + m.index * perLetter, width: m[0].length * perLetter }));
  });
}

export class ScannedPdfError extends Error {}

const PAGE_STRIDE = 10000;

export async function pdfToText(data: ArrayBuffer): Promise<string> {
  const pdfjs = await import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/legacy/build/pdf.mjs");
  if (typeof window !== "undefined" && !pdfjs.GlobalWorkerOptions.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = "pdf.worker.min.js";
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: true, isEvalSupported: false, disableFontFace: true }).promise;
  const lines: PositionedLine[] = [];
  let characters = 0;
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!("str" in it)) continue;
        const [a = 1, b = 0, , , e = 0, f = 0] = it.transform as number[];
        characters += it.str.trim().length;
        items.push({ str: it.str, x: e, y: f, width: it.width, size: Math.hypot(a, b) || it.height || 10 });
      }
      // Pages stack downwards: a row broken by the page continues at the top of the next one.
      const [, , , height = 0] = page.view;
      for (const l of pageLines(items)) lines.push({ y: (p - 1) * PAGE_STRIDE + (height - l.baseline), at: lines.length, chunks: l.chunks });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  if (characters < 20) throw new ScannedPdfError("scan");
  return layoutText(lines, 4, lines.length, PAGE_STRIDE).join("\n");
}
