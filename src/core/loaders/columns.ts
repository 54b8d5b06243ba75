import { cleanLine, fold } from "../text/clean";

/** What a table column holds, read from its header whatever the wording or order. */
export type ColumnRole =
  | "code"
  | "name"
  | "unit"
  | "target"
  | "baseline"
  | "lead"
  | "partners"
  | "note"
  | "source"
  | "taskGeneral"
  | "taskName"
  | "output"
  | "kpi"
  | "deadline"
  | "progress";

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
  [/chi tieu phan dau|chi tieu nam|chi tieu giao|muc tieu|ket qua|^den (het )?(nam )?(19|20)\d\d|^nam (19|20)\d\d|^(19|20)\d\d$|ke hoach nam|phan dau|gia tri chi tieu|^chi tieu (19|20)\d\d/, "target"],
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
}

export function signatureOf(cells: string[]): string {
  return cells.map((c) => fold(cleanLine(c))).filter(Boolean).join("|");
}

/** Reads a header row, or returns null when the row is not a header. */
export function readHeader(cells: string[]): Header | null {
  const columns: Column[] = [];
  cells.forEach((cell, index) => {
    const role = roleOf(cell);
    if (role) columns.push({ index, role, header: cleanLine(cell), year: yearOf(cell) });
  });
  const has = (r: ColumnRole): boolean => columns.some((c) => c.role === r);
  const distinct = new Set(columns.map((c) => c.role)).size;
  if (distinct < 2) return null;
  // A header's cells are labels: a row whose cells are long sentences or values is a data row.
  const labelLike = cells.filter((c) => c.trim()).every((c) => cleanLine(c).length <= 90 && !/[≥≤]|\d+\s*%/.test(cleanLine(c)));
  if (!labelLike) return null;
  let kind: TableKind = "other";
  if (has("deadline") && (has("taskGeneral") || has("taskName") || has("output") || has("kpi"))) kind = "tasks";
  else if (has("target") && (has("name") || has("taskGeneral"))) kind = "indicators";
  if (kind === "tasks") {
    for (const c of columns) if (c.role === "name") c.role = "taskName";
    // An unnamed column after the named ones holds notes (seed 002's eighth column).
  }
  if (kind === "indicators") {
    for (const c of columns) if (c.role === "taskGeneral") c.role = "name";
  }
  return { kind, columns, signature: signatureOf(cells) };
}
