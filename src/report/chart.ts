import { zlibSync } from "fflate";
import type { Status } from "../core/judge";
import { STATUSES } from "../core/judge";
import { STATUS_STYLE } from "../workbook/theme";

/**
 * The counts by status as a bar chart picture (PNG), one bar per status in the status colours with its
 * count above it. The status names go in a table under the picture, column for column, so the words are
 * real text the leader can edit and a screen reader can read.
 */
export const CHART = { width: 600, height: 220, slots: STATUSES.length };

// 3×5 digits, drawn five pixels to a dot.
const DIGITS = [
  "111101101101111",
  "010110010010111",
  "111001111100111",
  "111001111001111",
  "101101111001001",
  "111100111001111",
  "111100111101111",
  "111001001001001",
  "111101111101111",
  "111101111001111",
];
const DOT = 5;

export function statusChartPng(counts: Record<Status, number>): Uint8Array {
  const { width, height, slots } = CHART;
  const palette = ["#FFFFFF", "#595959", ...STATUSES.map((s) => STATUS_STYLE[s].fill)];
  const pixels = new Uint8Array(width * height);
  const fill = (x0: number, y0: number, w: number, h: number, colour: number) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) pixels.fill(colour, y * width + Math.max(0, x0), y * width + Math.min(width, x0 + w));
  };
  const number = (n: number, cx: number, bottom: number) => {
    const text = String(n);
    const w = text.length * 4 * DOT - DOT;
    [...text].forEach((d, k) => {
      const glyph = DIGITS[Number(d)]!;
      for (let i = 0; i < 15; i++) if (glyph[i] === "1") fill(cx - w / 2 + k * 4 * DOT + (i % 3) * DOT, bottom - 5 * DOT + Math.floor(i / 3) * DOT, DOT, DOT, 1);
    });
  };
  const base = height - 6;
  const top = 5 * DOT + 14;
  const slot = width / slots;
  const most = Math.max(1, ...STATUSES.map((s) => counts[s]));
  STATUSES.forEach((s, k) => {
    const h = counts[s] === 0 ? 0 : Math.max(3, Math.round(((base - top) * counts[s]) / most));
    const cx = Math.round(slot * k + slot / 2);
    fill(cx - 30, base - h, 60, h, 2 + k);
    number(counts[s], cx, base - h - 8);
  });
  fill(0, base, width, 2, 1);
  return encodePng(width, height, palette, pixels);
}

/** An 8-bit palette PNG: IHDR, PLTE, one IDAT of filter-0 rows, IEND. */
function encodePng(width: number, height: number, palette: string[], pixels: Uint8Array): Uint8Array {
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8);
  const plte = new Uint8Array(palette.flatMap((hex) => [0, 2, 4].map((i) => parseInt(hex.slice(1 + i, 3 + i), 16))));
  const chunks = [chunk("IHDR", header), chunk("PLTE", plte), chunk("IDAT", zlibSync(raw, { level: 9 })), chunk("IEND", new Uint8Array(0))];
  const out = new Uint8Array(8 + chunks.reduce((n, c) => n + c.length, 0));
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let CRC_TABLE: Uint32Array | null = null;
function crc32(bytes: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
