import { EVIDENCE_CHECKS } from "../core/judge";
import type { Task } from "../core/plan";
import { NAMES } from "./settings";
import type { SheetSpec } from "./spec";
import { colLetter, dateSerial, emptySheet, rangeAddr, setCell } from "./spec";
import { HEADER_COLOR, HEADER_FILL, INPUT_FILL, STATUS_STYLE } from "./theme";
import { rowHeight } from "./spec";

export const TASK_SHEET = "Nhiệm vụ";
export const TASK_HEADER_ROW = 3;

export interface TaskEntry {
  progress?: string | null;
  evidenceNumber?: string | null;
  evidenceDate?: string | null;
  evidenceSummary?: string | null;
  evidence?: string | null;
  note?: string | null;
}

// What a leader reads comes first and is the print area (to "Lý do"); the detail and evidence follow.
export const TASK_COLUMNS = [
  ["code", "Mã", 8],
  ["name", "Nhiệm vụ", 40],
  ["lead", "Đơn vị chủ trì", 18],
  ["deadline", "Thời hạn", 11],
  ["progress", "Tiến độ", 17],
  ["status", "Trạng thái", 16],
  ["reason", "Lý do", 28],
  ["group", "Nhóm", 18],
  // Wide enough that these texts, outside the print area, rarely need more lines than the task's name.
  ["parent", "Nhiệm vụ tổng quát", 48],
  ["output", "Sản phẩm đầu ra", 44],
  ["kpi", "KPI đo lường", 40],
  ["partners", "Đơn vị phối hợp", 18],
  ["deadlineText", "Thời hạn theo văn bản", 18],
  ["evNumber", "Số văn bản minh chứng", 14],
  ["evDate", "Ngày minh chứng", 11],
  ["evSummary", "Tóm tắt minh chứng", 24],
  ["evCheck", "Thẩm định minh chứng", 13],
  ["note", "Ghi chú", 22],
] as const;

type TaskKey = (typeof TASK_COLUMNS)[number][0];
export const taskCol = (key: TaskKey): number => TASK_COLUMNS.findIndex((c) => c[0] === key) + 1;

/** The task rules: a task is judged like a done indicator (progress word, evidence, deadline). */
export function taskFormulas(r: number): { status: string; reason: string } {
  const L = (k: TaskKey) => `${colLetter(taskCol(k))}${r}`;
  const A = L("progress");
  const D = L("deadline");
  const due = `IF(${D}="",FALSE,${NAMES.periodEnd}>=${D})`;
  const date = `TEXT(DAY(${D}),"00")&"/"&TEXT(MONTH(${D}),"00")&"/"&YEAR(${D})`;
  return {
    status: `IF(${A}="","Chưa có số liệu",IF(${L("evCheck")}="Không hợp lệ","Cảnh báo",IF(OR(${A}="Hoàn thành",${A}="Đạt"),"Đạt",IF(${due},"Không đạt",IF(${A}="Đang triển khai","Đúng tiến độ","Chậm tiến độ")))))`,
    reason: `IF(${A}="","Chưa nhập số liệu đến kỳ này",IF(${L("evCheck")}="Không hợp lệ","Minh chứng không hợp lệ",IF(OR(${A}="Hoàn thành",${A}="Đạt"),"Đã hoàn thành",IF(${due},"Quá hạn "&${date}&" mà chưa hoàn thành",IF(${A}="Đang triển khai","Đang triển khai","Chưa hoàn thành")))))`,
  };
}

export function buildTaskSheet(tasks: Task[], entries: Map<string, TaskEntry>, planTitle = ""): { sheet: SheetSpec; rowOf: Map<string, number>; firstRow: number; lastRow: number } {
  const sheet = emptySheet(TASK_SHEET);
  const last = TASK_COLUMNS.length;
  setCell(sheet, 1, 1, { f: `"NHIỆM VỤ — "&${NAMES.planTitle}&" — Kỳ báo cáo: "&${NAMES.periodLabel}` });
  // The title is merged over the printed columns and wraps, so paper never cuts it.
  const printed = taskCol("reason");
  sheet.merges.push(rangeAddr(1, 1, printed, 1));
  sheet.styles.push({ range: rangeAddr(1, 1, printed, 1), style: { bold: true, size: 13, color: HEADER_FILL, wrap: true, vAlign: "top" } });
  // 13 pt bold runs about 1.4 times as wide as the body text the widths are counted in.
  sheet.rowHeights[1] = Math.round(rowHeight([[`NHIỆM VỤ — ${planTitle} — Kỳ báo cáo: 6 tháng đầu năm 2026`, TASK_COLUMNS.slice(0, printed).reduce((w, c) => w + c[2], 0) / 1.4]]) * 1.2);
  TASK_COLUMNS.forEach(([, header], k) => setCell(sheet, TASK_HEADER_ROW, k + 1, { v: header }));
  sheet.columns = TASK_COLUMNS.map(([, , width]) => ({ width }));
  sheet.styles.push({
    range: rangeAddr(1, TASK_HEADER_ROW, last, TASK_HEADER_ROW),
    style: { bold: true, fill: HEADER_FILL, color: HEADER_COLOR, wrap: true, vAlign: "middle", hAlign: "center", border: true },
  });
  const rowOf = new Map<string, number>();
  let r = TASK_HEADER_ROW;
  for (const t of tasks) {
    r++;
    rowOf.set(t.id, r);
    const e = entries.get(t.id);
    const put = (k: TaskKey, cell: Parameters<typeof setCell>[3]) => setCell(sheet, r, taskCol(k), cell);
    put("code", { v: t.id });
    put("group", { v: [t.groupCode, t.group].filter(Boolean).join(". ") });
    put("name", { v: t.name });
    put("parent", { v: t.parent ?? "" });
    put("output", { v: t.output ?? "" });
    put("kpi", { v: t.kpi ?? "" });
    put("lead", { v: t.lead ?? "" });
    put("partners", { v: t.partners ?? "" });
    put("deadlineText", { v: t.ongoing ? `${t.deadlineText ?? ""} (không có hạn cố định)`.trim() : (t.deadlineText ?? "") });
    put("deadline", t.deadline ? { v: dateSerial(t.deadline), fmt: "dd/mm/yyyy" } : { fmt: "dd/mm/yyyy" });
    put("progress", e?.progress ? { v: e.progress } : {});
    put("evNumber", e?.evidenceNumber ? { v: e.evidenceNumber } : {});
    put("evDate", e?.evidenceDate ? { v: dateSerial(e.evidenceDate), fmt: "dd/mm/yyyy" } : { fmt: "dd/mm/yyyy" });
    put("evSummary", e?.evidenceSummary ? { v: e.evidenceSummary } : {});
    put("evCheck", e?.evidence ? { v: e.evidence } : {});
    const f = taskFormulas(r);
    put("status", { f: f.status });
    put("reason", { f: f.reason });
    put("note", { v: e?.note ?? t.note ?? "" });
    sheet.rowHeights[r] = rowHeight([
      [t.name, 40],
      [t.lead ?? "", 18],
      [t.parent ?? "", 48],
      [t.output ?? "", 44],
      [t.kpi ?? "", 40],
    ]);
  }
  sheet.rowHeights[TASK_HEADER_ROW] = 32;
  const first = TASK_HEADER_ROW + 1;
  const lastRow = Math.max(r, first);
  sheet.inputs.push(
    rangeAddr(taskCol("progress"), first, taskCol("progress"), lastRow),
    rangeAddr(taskCol("evNumber"), first, taskCol("evCheck"), lastRow),
    rangeAddr(taskCol("note"), first, taskCol("note"), lastRow),
  );
  for (const range of sheet.inputs) sheet.styles.push({ range, style: { fill: INPUT_FILL } });
  sheet.validations.push({
    range: rangeAddr(taskCol("progress"), first, taskCol("progress"), lastRow),
    rule: { type: "list", source: "DS_TienDo", title: "Tiến độ", message: "Chọn: Chưa triển khai, Đang triển khai, Hoàn thành." },
  });
  sheet.validations.push({ range: rangeAddr(taskCol("evDate"), first, taskCol("evDate"), lastRow), rule: { type: "date", title: "Ngày minh chứng", message: "Nhập ngày theo dạng dd/mm/yyyy." } });
  sheet.validations.push({
    range: rangeAddr(taskCol("evCheck"), first, taskCol("evCheck"), lastRow),
    rule: { type: "list", source: "DS_ThamDinh", title: "Thẩm định minh chứng", message: `Chọn: ${EVIDENCE_CHECKS.join(", ")}.` },
  });
  const status = `$${colLetter(taskCol("status"))}${first}`;
  for (const [s, style] of Object.entries(STATUS_STYLE)) {
    for (const k of ["code", "name", "status"] as const) {
      sheet.conditionalFormats.push({ range: rangeAddr(taskCol(k), first, taskCol(k), lastRow), formula: `${status}="${s}"`, fill: style.fill, color: style.color });
    }
  }
  sheet.styles.push({ range: rangeAddr(1, first, last, lastRow), style: { vAlign: "top", border: true, wrap: true } });
  sheet.styles.push({ range: rangeAddr(taskCol("status"), first, taskCol("status"), lastRow), style: { bold: true, hAlign: "center" } });
  sheet.freeze = { rows: TASK_HEADER_ROW, columns: 2 };
  sheet.print = { landscape: true, repeatRows: [TASK_HEADER_ROW, TASK_HEADER_ROW], area: rangeAddr(1, 1, printed, lastRow) };
  return { sheet, rowOf, firstRow: first, lastRow };
}
