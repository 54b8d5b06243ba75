import { cleanLine, fold } from "../text/clean";

/** What a table column holds, read from its header whatever the wording or order. */
export type ColumnRole = "code" | "name" | "unit" | "target" | "baseline" | "lead" | "partners" | "note" | "source" | "taskGeneral" | "taskName" | "output" | "kpi" | "deadline" | "progress";

export interface Column {
  index: number;
  role: ColumnRole;
  header: string;
  /** The year a target or baseline column speaks of ("Đến hết 2028", "Hiện trạng năm 2025"). */
  year: number | null;
}

// Order matters: the more specific phrase wins ("Sản phẩm đầu ra (Rõ Kết quả)" is an output, not a target).
const RULES: Array<[RegExp, ColumnRole]> = [
  [/tieu nhiem vu|nhiem vu con|nhiem vu cu the|noi dung cong viec|cong viec cu the/, "taskName"],
  [/nhiem vu tong quat|ma nhiem vu|^nhiem vu$|ten nhiem vu|noi dung nhiem vu/, "taskGeneral"],
  [/san pham|dau ra/, "output"],
  [/\bkpi\b|do luong hieu qua|chi so do luong|chi so danh gia/, "kpi"],
  [/thoi han|thoi gian hoan thanh|thoi gian thuc hien|tien do hoan thanh|^thoi gian$/, "deadline"],
  [/tien do thuc hien|muc do hoan thanh|tinh trang/, "progress"],
  [/phoi hop|tham muu/, "partners"],
  [/don vi tinh|^dvt$|^d\.?v\.?t\.?$|don vi do/, "unit"],
  [/hien trang|thuc hien nam|thuc trang|nam goc|gia tri co so|ket qua nam (19|20)\d\d/, "baseline"],
  [/chu tri|theo doi|thuc hien|phu trach|don vi bao cao|co quan|^don vi$|ro nguoi/, "lead"],
  [/nguon|do luong|cach tinh|phuong phap/, "source"],
  [/ghi chu/, "note"],
  [
    /chi tieu phan dau|chi tieu nam|chi tieu giao|chi tieu cu the|chi tieu dat|muc tieu|ket qua|^den (het )?(nam )?(19|20)\d\d|^den (ngay )?\d{1,2}\/\d{1,2}|^nam (19|20)\d\d|^(19|20)\d\d$|ke hoach (nam|giao)|^ke hoach$|phan dau|gia tri chi tieu|^chi tieu (19|20)\d\d|^(chi tieu )?6 thang (dau|cuoi)|^(chi tieu )?ca nam|^muc (can )?dat/,
    "target",
  ],
  [/noi dung|ten chi tieu|nhom chi tieu|^chi tieu$|chi tieu|tieu chi/, "name"],
  [/^(stt|tt|so tt|so thu tu|ma|ma so|ma chi tieu|so)$/, "code"],
];

export function roleOf(header: string): ColumnRole | null {
  const f = fold(cleanLine(header))
    .replace(/^\(\d+\)\s*/, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!f) return null;
  for (const [re, role] of RULES) if (re.test(f)) return role;
  return null;
}

function yearOf(header: string): number | null {
  const years = cleanLine(header).match(/\b(19|20)\d\d\b/g);
  return years ? Number(years[years.length - 1]) : null;
}

export type TableKind = "indicators" | "tasks" | "other";

export interface Header {
  kind: TableKind;
  columns: Column[];
  /** Folded header text, to recognise the header when a page repeats it. */
  signature: string;
  /** The rows of a two-row header, each of which a page may repeat. */
  rowSignatures?: string[];
}

/** True when a row repeats the table's header (on a new page): the whole header or one of its rows. */
export function repeatsHeader(cells: string[], header: Header): boolean {
  // Every row of a header is made of labels (readHeader and combineHeaderRows require it).
  if (!cells.every((c) => !c.trim() || isLabel(c))) return false;
  const sig = signatureOf(cells);
  if (sig === header.signature || header.rowSignatures?.includes(sig)) return true;
  return readHeader(cells)?.signature === header.signature;
}

const isLabel = (c: string): boolean => {
  const t = cleanLine(c);
  return t.length <= 90 && !/[≥≤]|\d+\s*%/.test(t);
};

/** A second header row names sub-columns: periods, years, or columns of its own ("Năm 2026 | Năm 2027"). */
function namesSubColumns(cell: string): boolean {
  const f = fold(cleanLine(cell));
  return roleOf(cell) !== null || /(19|20)\d\d|\bthang\b|\bnam\b|\bquy\b|\d{1,2}\/\d{1,2}/.test(f);
}

/**
 * Two header rows read as one ("Chỉ tiêu" merged over "Năm 2026 | Năm 2027"). A full grid (from Word,
 * Excel or PDF) keeps every column; text copied from Word drops the columns a merged cell covers, so
 * the top row is aligned to the bottom one: an empty bottom cell sits under a cell merged down, a run of
 * filled ones under a cell merged across.
 */
export function combineHeaderRows(top: string[], bottom: string[]): string[] | null {
  const t = top.map(cleanLine);
  const b = bottom.map(cleanLine);
  // Widths as the rows came: Word's copy keeps a tab for each cell, empty or not.
  const collapsed = b.length > t.length;
  while (t.length && !t[t.length - 1]) t.pop();
  const bottomFilled = b.filter(Boolean);
  // A title merged across the table is no header row.
  if (t.filter(Boolean).length < 2 || bottomFilled.length === 0 || !b.every(isLabel) || !bottomFilled.every(namesSubColumns)) return null;
  const parents: string[] = [];
  if (!collapsed) {
    let parent = "";
    for (let c = 0; c < Math.max(t.length, b.length); c++) {
      const top = t[c];
      if (top) parent = top;
      else if (!b[c] || !b[c - 1]) parent = "";
      parents.push(t[c] || (b[c] ? parent : ""));
    }
  } else {
    let i = 0;
    for (let j = 0; j < b.length;) {
      if (!b[j]) {
        parents.push(t[i++] ?? "");
        j++;
        continue;
      }
      let run = 0;
      while (j + run < b.length && b[j + run]) run++;
      const parent = t[i++] ?? "";
      for (let k = 0; k < run; k++) parents.push(parent);
      j += run;
    }
  }
  const width = Math.max(parents.length, b.length);
  return Array.from({ length: width }, (_, c) => {
    const p = parents[c] ?? "";
    const q = b[c] ?? "";
    if (!q || fold(p) === fold(q)) return p || q;
    return p ? `${p} ${q}` : q;
  });
}

export function signatureOf(cells: string[]): string {
  return cells
    .map((c) => fold(cleanLine(c)))
    .filter(Boolean)
    .join("|");
}

/** Reads a header row, or returns null when the row is not a header. */
export function readHeader(cells: string[]): Header | null {
  // A header's cells are labels: a row whose cells are long sentences or values is a data row.
  if (!cells.every((c) => !c.trim() || isLabel(c))) return null;
  const columns: Column[] = [];
  cells.forEach((cell, index) => {
    const role = roleOf(cell);
    if (role) columns.push({ index, role, header: cleanLine(cell), year: yearOf(cell) });
  });
  const has = (r: ColumnRole): boolean => columns.some((c) => c.role === r);
  const distinct = new Set(columns.map((c) => c.role)).size;
  if (distinct < 2) return null;
  let kind: TableKind = "other";
  if (has("deadline") && (has("taskGeneral") || has("taskName") || has("output") || has("kpi"))) kind = "tasks";
  else if (has("target") && (has("name") || has("taskGeneral"))) kind = "indicators";
  // No target column: an appendix of indicators whose targets sit in the wording ("Tỷ lệ ... đạt 90%").
  else if (!has("deadline") && columns.some((c) => c.role === "name" && /chi tieu|tieu chi/.test(fold(c.header))) && (has("code") || has("lead") || has("unit"))) kind = "indicators";
  if (kind === "tasks") {
    for (const c of columns) if (c.role === "name") c.role = "taskName";
    // An unnamed column after the named ones holds notes (seed 002's eighth column).
  }
  if (kind === "indicators") {
    for (const c of columns) if (c.role === "taskGeneral") c.role = "name";
  }
  return { kind, columns, signature: signatureOf(cells) };
}
