import type { Entry } from "../core/judge";
import { formatDate } from "../core/format";
import { UserFacingError } from "../core/userFacingError";
import { leadKey, leadsOf } from "../core/leadUnits";
import { periodColumns, periodLabel } from "../core/period";
import { nameKey } from "../core/text/clean";
import { judgeSettingsOf, settingsFromConfig } from "../reading/configRead";
import { planFromReport } from "../reading/rebuild";
import type { UnitReport } from "../province/readReportFile";
import type { IndicatorEntry } from "../workbook/indicatorSheet";
import type { TaskEntry } from "../workbook/taskSheet";
import { TASK_SHEET, taskCol } from "../workbook/taskSheet";
import { INDICATOR_SHEET } from "../workbook/indicatorSheet";
import { addr, dateSerial } from "../workbook/spec";
import { PRODUCT_VERSION } from "../version";
import type { ReadReport } from "./exportForProvince";
import { departmentsOf, type Department } from "../reading/departments";
import { formsRefusal } from "./forms";
import { reportWorkbookFile } from "./reportWorkbook";

/**
 * "Thu phiếu": the departments' returned forms read back into the ward's book. A value goes in where the
 * book's cell is empty; where the book already holds a different value the pair is a conflict, listed, and
 * the book's value stays unless the official chooses the form's. Forms of another book or period, and
 * rows a department does not lead, are listed and not used. Nothing is overwritten without being listed.
 */

export interface ReturnedForm {
  file: string;
  report: UnitReport;
  /** ISO date the file was last saved, when known: a form saved after its due date came back late. */
  modified: string | null;
}

export type FieldKey = `p${number}` | "baseline" | "numerator" | "denominator" | "evidence" | "evidenceNumber" | "evidenceDate" | "evidenceSummary" | "note" | "progress";

export interface CollectedValue {
  department: string;
  file: string;
  kind: "indicator" | "task";
  code: string;
  field: FieldKey;
  /** The field as the sheet's column says it ("Quý II", "Minh chứng"). */
  label: string;
  book: Entry;
  form: Entry;
  /** Names this difference when the official chooses the form's value (the `chosen` of collectForms). */
  key: string;
}

export interface Collection {
  returned: Array<{ department: string; file: string; modified: string | null; late: boolean; values: number }>;
  /** Departments of the book with no form back. */
  missing: string[];
  /** Book values that differ from a form's: the book's stays unless chosen otherwise. */
  conflicts: CollectedValue[];
  /** Values taken from forms (empty cells of the book, and conflicts resolved for the form). */
  taken: CollectedValue[];
  refused: Array<{ file: string; why: string }>;
  /** Rows of a form that its department does not lead in the book, or that the book does not have. */
  notAssigned: Array<{ department: string; file: string; code: string; why: string }>;
  entries: Map<string, IndicatorEntry>;
  taskEntries: Map<string, TaskEntry>;
}

const conflictKey = (c: Pick<CollectedValue, "kind" | "code" | "field" | "file">) => `${c.kind}|${c.code}|${c.field}|${c.file}`;

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
function same(a: unknown, b: unknown): boolean {
  if (blank(a) && blank(b)) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return (
    String(a ?? "")
      .trim()
      .normalize("NFC") ===
    String(b ?? "")
      .trim()
      .normalize("NFC")
  );
}

const INDICATOR_FIELDS: Array<[FieldKey, string]> = [
  ["baseline", "Hiện trạng"],
  ["numerator", "Tử số"],
  ["denominator", "Mẫu số"],
  ["evidenceNumber", "Số văn bản minh chứng"],
  ["evidenceDate", "Ngày minh chứng"],
  ["evidenceSummary", "Tóm tắt minh chứng"],
  ["evidence", "Thẩm định minh chứng"],
  ["note", "Ghi chú"],
];
const TASK_FIELDS: Array<[FieldKey, string]> = [
  ["progress", "Tiến độ"],
  ["evidenceNumber", "Số văn bản minh chứng"],
  ["evidenceDate", "Ngày minh chứng"],
  ["evidenceSummary", "Tóm tắt minh chứng"],
  ["evidence", "Thẩm định minh chứng"],
  ["note", "Ghi chú"],
];

type Fields = Record<string, unknown>;
const fieldOf = (entry: Fields, field: FieldKey): Entry => {
  const slot = /^p(\d+)$/.exec(field);
  const v = slot ? (entry.periods as Entry[] | undefined)?.[Number(slot[1]) - 1] : entry[field];
  return v === undefined ? null : (v as Entry);
};
const setField = (entry: Fields, field: FieldKey, value: Entry) => {
  const slot = /^p(\d+)$/.exec(field);
  if (slot) {
    const periods = [...((entry.periods as Entry[] | undefined) ?? [])];
    periods[Number(slot[1]) - 1] = value;
    entry.periods = Array.from(periods, (p) => p ?? null);
  } else entry[field] = value;
};

/** Reads the returned forms against the book; `chosen` names the conflicts to settle for the form (by conflictKey). */
export function collectForms(book: ReadReport, forms: ReturnedForm[], chosen: Set<string> = new Set()): Collection {
  const refusal = formsRefusal(book);
  if (refusal) throw new UserFacingError(refusal);
  const settings = judgeSettingsOf(book.config);
  const period = periodLabel(settings.period);
  // Units the official joined when giving out the forms are one unit here too: each form names its spellings.
  const joined = forms.flatMap((f) => ((f.report.meta?.form?.leads?.length ?? 0) > 1 ? [f.report.meta!.form!.leads!] : []));
  const { departments } = departmentsOf(book, joined);
  const slots = periodColumns(book.config.frequency);
  // Copies: the book read stays as it was (entries hold only values and the periods' array).
  const entries = new Map(book.reading.rows.map((r): [string, IndicatorEntry] => [r.id, { ...r.entry, periods: [...r.entry.periods] }]));
  const taskEntries = new Map(book.tasks.map((t): [string, TaskEntry] => [t.id, { ...t.entry }]));
  const leadOf = new Map<string, string>([...book.reading.rows.map((r) => [`indicator|${r.id}`, r.lead] as const), ...book.tasks.map((t) => [`task|${t.id}`, t.lead] as const)]);
  const out: Collection = { returned: [], missing: [], conflicts: [], taken: [], refused: [], notAssigned: [], entries, taskEntries };
  const back = new Set<Department>();

  // A unit that sent its form twice: the one saved last is read, the other listed (never both, never mixed).
  const unitOf = (f: ReturnedForm) => (f.report.meta?.form ? leadKey(f.report.meta.form.department) : `file:${f.file}`);
  const latest = new Map<string, ReturnedForm>();
  for (const f of forms) {
    const seen = latest.get(unitOf(f));
    if (!seen || (f.modified ?? "") > (seen.modified ?? "") || ((f.modified ?? "") === (seen.modified ?? "") && f.file > seen.file)) latest.set(unitOf(f), f);
  }
  for (const f of forms) {
    const form = f.report.meta?.form;
    const newer = latest.get(unitOf(f));
    if (form && newer && newer !== f) {
      out.refused.push({ file: f.file, why: `${form.department} nộp hơn một phiếu; đã dùng phiếu lưu sau cùng (${newer.file})` });
      continue;
    }
    if (!form) {
      out.refused.push({ file: f.file, why: "không phải phiếu giao cho đơn vị (sổ báo cáo thường, không có thông tin phiếu)" });
      continue;
    }
    if (nameKey(form.book) !== nameKey(book.config.unit) || (book.meta?.planTitle && f.report.meta?.planTitle !== book.meta.planTitle)) {
      out.refused.push({ file: f.file, why: `là phiếu của sổ khác (${form.book}, ${f.report.meta?.planTitle ?? ""}), không phải của ${book.config.unit}` });
      continue;
    }
    const formPeriod = periodLabel(judgeSettingsOf(f.report.config).period);
    if (formPeriod !== period) {
      out.refused.push({ file: f.file, why: `là phiếu kỳ ${formPeriod}, sổ đang ở kỳ ${period}: không lấy số liệu` });
      continue;
    }
    // The form covers the spellings it was issued for (a pair the official joined included).
    const keys = new Set([form.department, ...(form.leads ?? [])].map(leadKey));
    const found = departments.find((d) => d.variants.some((v) => keys.has(leadKey(v))));
    // Named as on the form: the name the official gave when joining spellings.
    const department = form.department;
    for (const v of found?.variants ?? []) keys.add(leadKey(v));
    const ownedBy = (kind: "indicator" | "task", code: string) => leadsOf(leadOf.get(`${kind}|${code}`) ?? "").some((l) => keys.has(leadKey(l)));
    let values = 0;
    const take = (kind: "indicator" | "task", code: string, target: Fields, source: Fields, fields: Array<[FieldKey, string]>) => {
      for (const [field, label] of fields) {
        const formValue = fieldOf(source, field);
        const bookValue = fieldOf(target, field);
        if (blank(formValue) || same(formValue, bookValue)) continue;
        const item: CollectedValue = { department, file: f.file, kind, code, field, label, book: bookValue, form: formValue, key: "" };
        item.key = conflictKey(item);
        if (blank(bookValue) || chosen.has(item.key)) {
          setField(target, field, formValue);
          out.taken.push(item);
          values++;
        }
        if (!blank(bookValue)) out.conflicts.push(item);
      }
    };
    for (const row of f.report.reading.rows) {
      const target = entries.get(row.id);
      if (!target || !ownedBy("indicator", row.id)) {
        out.notAssigned.push({ department, file: f.file, code: row.id, why: target ? "không do đơn vị này chủ trì trong sổ" : "sổ không có chỉ tiêu này" });
        continue;
      }
      const fields: Array<[FieldKey, string]> = [...slots.map((s, k): [FieldKey, string] => [`p${k + 1}`, s]), ...INDICATOR_FIELDS];
      take("indicator", row.id, target as unknown as Fields, row.entry as unknown as Fields, fields);
    }
    for (const t of f.report.tasks) {
      const target = taskEntries.get(t.id);
      if (!target || !ownedBy("task", t.id)) {
        out.notAssigned.push({ department, file: f.file, code: t.id, why: target ? "không do đơn vị này chủ trì trong sổ" : "sổ không có nhiệm vụ này" });
        continue;
      }
      take("task", t.id, target as unknown as Fields, t.entry as unknown as Fields, TASK_FIELDS);
    }
    if (found) back.add(found);
    out.returned.push({ department, file: f.file, modified: f.modified, late: f.modified !== null && form.due !== "" && f.modified > form.due, values });
  }
  out.missing = departments.filter((d) => !back.has(d)).map((d) => d.name);
  return out;
}

/** The book with the collected values, as a new file; the book given is never changed. */
export async function collectedBook(book: ReadReport, collection: Collection): Promise<Uint8Array> {
  const { plan } = planFromReport(book.reading.rows, book.tasks, book.config.planTitle);
  const settings = settingsFromConfig(book.config, book.meta?.planId || null, PRODUCT_VERSION);
  return (await reportWorkbookFile(plan, settings, { indicators: collection.entries, tasks: collection.taskEntries, history: book.history })).bytes;
}

/**
 * A value to write into the open book: the cell, what it must still hold, and what goes in. Only values:
 * the input cells already carry their formats (a date cell is dd/mm/yyyy), and formatting a cell of a
 * protected sheet is not allowed.
 */
export interface CellWrite {
  sheet: string;
  address: string;
  /** The cell's value as read (a date as its serial, an empty cell as ""): if it changed since, nothing is written. */
  before: string | number;
  value: string | number;
}

const INDICATOR_KEY: Partial<Record<FieldKey, string>> = {
  baseline: "baseline",
  numerator: "num",
  denominator: "den",
  evidence: "evCheck",
  evidenceNumber: "evNumber",
  evidenceDate: "evDate",
  evidenceSummary: "evSummary",
  note: "note",
};
const TASK_KEY = { progress: "progress", evidence: "evCheck", evidenceNumber: "evNumber", evidenceDate: "evDate", evidenceSummary: "evSummary", note: "note" } as const;

/** The cells of the open book that the values taken from forms go into. */
export function collectedWrites(book: ReadReport, taken: CollectedValue[]): CellWrite[] {
  const cell = (v: Entry, field: FieldKey): string | number => (v === null ? "" : field === "evidenceDate" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dateSerial(v) : v);
  return taken.map((t) => {
    if (t.kind === "task") {
      const row = book.tasks.find((x) => x.id === t.code)!;
      const key = TASK_KEY[t.field as keyof typeof TASK_KEY];
      // The column where the sheet's header puts it, should columns have been moved.
      const col = row.columns?.get(key) || taskCol(key);
      return { sheet: TASK_SHEET, address: addr(col, row.row), before: cell(t.book, t.field), value: cell(t.form, t.field) };
    }
    const row = book.reading.rows.find((x) => x.id === t.code)!;
    const key = /^p\d+$/.test(t.field) ? t.field : INDICATOR_KEY[t.field]!;
    const col = row.columns.get(key);
    if (!col) throw new UserFacingError(`Trang "${INDICATOR_SHEET}" không còn cột "${t.label}" (có lẽ đã bị xóa hoặc đổi tiêu đề): chưa ghi gì. Hãy đặt lại cột rồi thu phiếu lại.`);
    return { sheet: INDICATOR_SHEET, address: addr(col, row.row), before: cell(t.book, t.field), value: cell(t.form, t.field) };
  });
}

const show = (v: Entry) => (v === null ? "(trống)" : typeof v === "number" ? String(v).replace(".", ",") : /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : `"${v}"`);

/** A difference as the pane offers it for choosing: "C.16, Quý II: sổ 0,7, phiếu của Công an xã 0,75". */
export function differenceLabel(x: CollectedValue): string {
  return `${x.code}, ${x.label}: sổ ${show(x.book)}, phiếu của ${x.department} ${show(x.form)}`;
}

/** One line per finding, in Vietnamese, for the command line and the pane (which shows the differences as choices). */
export function describeCollection(c: Collection, { differences = true } = {}): string[] {
  return [
    `Đã nhận phiếu: ${c.returned.length ? c.returned.map((r) => `${r.department} (${r.values} giá trị${r.late ? ", nộp muộn" : ""})`).join("; ") : "chưa có"}.`,
    `Chưa nộp phiếu: ${c.missing.length ? c.missing.join("; ") : "không có"}.`,
    ...c.refused.map((r) => `Không dùng tệp ${r.file}: ${r.why}.`),
    ...c.notAssigned.map((n) => `Bỏ qua ${n.code} trong phiếu của ${n.department} (${n.file}): ${n.why}.`),
    ...(differences ? c.conflicts : []).map((x) => {
      const kept = c.taken.includes(x) ? "đã lấy số của phiếu" : "giữ số của sổ";
      return `Khác nhau ở ${x.kind === "task" ? "nhiệm vụ" : "chỉ tiêu"} ${x.code}, cột ${x.label}: sổ ${show(x.book)}, phiếu của ${x.department} ${show(x.form)} — ${kept}.`;
    }),
  ];
}
