/**
 * Cleaning of pasted document text: the artefacts of Word/PDF/web conversion that users paste
 * (LaTeX math, HTML fragments, markdown emphasis) are removed so that only the document's words remain.
 */

const ZERO_WIDTH = /[\u200B-\u200D\uFEFF\u2060]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;

/** Normalises a whole pasted text: NFC, one kind of line break, ordinary spaces. Never drops a line. */
export function normalizeInput(raw: string): string {
  return String(raw).normalize("NFC").replace(/\r\n?/g, "\n").replace(ZERO_WIDTH, "").replace(ODD_SPACES, " ");
}

const LATEX_SYMBOLS: Array<[RegExp, string]> = [
  [/\\geq?\b|\\geqslant\b/g, "≥"],
  [/\\leq?\b|\\leqslant\b/g, "≤"],
  [/\\neq?\b/g, "≠"],
  [/\\times\b/g, "×"],
  [/\\%/g, "%"],
  [/\\text\{([^}]*)\}/g, "$1"],
  [/\\mathrm\{([^}]*)\}/g, "$1"],
  [/\\[,;!: ]/g, " "],
];

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ge: "≥",
  le: "≤",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Rewrites `$\geq 60\%$` and `<math>\geq 90\%</math>` as plain `≥ 60%`. */
function cleanMath(s: string): string {
  let out = s.replace(/<math[^>]*>([\s\S]*?)<\/math>/gi, (_m, inner: string) => ` ${inner} `);
  out = out.replace(/\$([^$\n]{1,80})\$/g, (_m, inner: string) => ` ${inner} `);
  for (const [pattern, replacement] of LATEX_SYMBOLS) out = out.replace(pattern, replacement);
  return out;
}

/** Turns HTML fragments into text; list items and paragraphs become separate lines. */
function cleanHtml(s: string): string {
  if (!/[<&]/.test(s)) return s;
  let out = s
    .replace(/<\s*br\s*\/?>/gi, "\n")
    .replace(/<\s*\/?\s*(p|div|li|ul|ol|tr)\b[^>]*>/gi, "\n")
    .replace(/<\s*\/?\s*(b|i|u|em|strong|span|font|sup|sub|td|th|table|tbody|thead|a)\b[^>]*>/gi, "");
  out = decodeEntities(out);
  return out;
}

/** Strips markdown emphasis and heading marks that conversions leave (`**bold**`, `## `, `*italic*`, `\*`). */
function cleanMarkdown(s: string): string {
  return s
    .replace(/^\s{0,3}#{1,6}\s+/gm, "")
    .replace(/\*\*/g, "")
    .replace(/\\\*/g, "*")
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,;:]|$)/g, "$1$2")
    .replace(/\\([_\-.#()[\]])/g, "$1");
}

const MARKUP = /[\\$<&*#]/;

/**
 * Remembers a pure text function's answers: the loader asks for the same cells many times (header
 * checks, group labels, the row itself), and a 5,000-row appendix must parse in well under a second.
 */
function remembered(fn: (s: string) => string): (s: string) => string {
  let cache = new Map<string, string>();
  return (s) => {
    if (s.length > 2000) return fn(s);
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= 50000) cache = new Map();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** Cleans one cell or line of document text. Keeps line breaks inside the cell, collapses other runs of space. */
export const cleanText = remembered((raw: string): string => {
  // Most cells carry no markup at all: the markup passes are skipped for them (parsing stays fast on big appendices).
  const s = MARKUP.test(raw) ? cleanMarkdown(cleanHtml(cleanMath(raw))) : raw;
  return s
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n")
    .replace(/\s+([.,;:%])(?=\s|$)/g, "$1")
    .trim();
});

/** Cleans text to a single line (line breaks inside become spaces). */
export const cleanLine = remembered((raw: string): string => cleanText(raw).replace(/\n+/g, " ").trim());

/** Lower case without diacritics, for matching keywords whatever the document's accents. */
export const fold = remembered((s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d")
    .toLowerCase()
    .normalize("NFC"),
);

/**
 * A table row that continues over further lines (a wrapped cell, a page break): the pieces of each cell
 * are kept and cleaned once at the end, so a cell wrapped over thousands of lines costs linear time.
 */
export class ContinuedRow {
  private readonly pieces: string[][];
  constructor(cells: string[]) {
    this.pieces = cells.map((c) => [c]);
  }
  append(cells: string[]): void {
    cells.forEach((c, i) => {
      if (!this.pieces[i]) this.pieces[i] = [];
      this.pieces[i].push(c);
    });
  }
  /** Each cell's pieces cleaned and joined with one space: a broken word or phrase rejoins. */
  cells(): string[] {
    return Array.from(this.pieces, (p) => (p ?? []).map(cleanText).filter(Boolean).join(" "));
  }
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A name's identity: case, spacing and where a tone mark sits ("Hoà" or "Hòa") do not matter, but the
 * letters and tones do ("Tân Hòa" is not "Tân Hóa"). Each word keeps its tone as a digit.
 */
export function nameKey(s: string): string {
  const tone: Record<string, string> = { "\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5" };
  return s
    .normalize("NFD")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map(
      (w) =>
        `${w.replace(TONE_MARKS, "").normalize("NFC")}${
          w
            .match(TONE_MARKS)
            ?.map((m) => tone[m])
            .join("") ?? ""
        }`,
    )
    .join(" ");
}
