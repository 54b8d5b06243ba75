import type { Entry, Status } from "../core/judge";
import { STATUSES, judgeMilestones, numberOrNull, shownOnDocumentScale } from "../core/judge";
import { formatDate } from "../core/format";
import { periodEnd, periodLabel } from "../core/period";
import { bareCode, matchRows } from "../core/match";
import { nameKey } from "../core/text/clean";
import { judgeSettingsOf } from "../reading/configRead";
import { rowWording } from "../reading/readBack";
import type { SheetSpec, WorkbookSpec } from "../workbook/spec";
import { emptySheet, rangeAddr, rowHeight, setCell } from "../workbook/spec";
import { HEADER_COLOR, HEADER_FILL, STATUS_STYLE } from "../workbook/theme";
import type { UnitReport } from "./readReportFile";
import { fileTooBig, readReportFile } from "./readReportFile";

/**
 * The province's consolidation: many unit workbooks into one matrix of units by indicators, with the
 * same statuses and colours. The same indicator is worded a little differently from unit to unit:
 * rows are matched by code when the wording agrees, then by wording; doubtful matches are listed for a
 * person to confirm, and two different indicators are never merged without saying so.
 */

export interface Canonical {
  key: number;
  code: string;
  /** The wording as the first unit that has the indicator wrote it, for people. */
  name: string;
  /** The same wording prepared for matching (accents folded, target text set aside), for the matcher. */
  wording: string;
}

export interface Cell {
  status: Status;
  value: Entry;
  code: string;
  /** The unit's own wording of the indicator. */
  name: string;
}

export interface UnitResult {
  unit: string;
  file: string;
  period: string;
  /** The plan the report follows (its catalogue id or title). */
  plan: string;
  reportDate: string;
  late: boolean;
  cells: Map<number, Cell>;
  met: number;
  total: number;
  share: number;
  /** Rank among the units of the same period and plan: reports of different periods are never ranked together. */
  rank: number;
}

export interface Consolidation {
  indicators: Canonical[];
  units: UnitResult[];
  /** Rows that may be the same indicator as a column but were kept in their own column for a person to confirm. */
  uncertain: Array<{ unit: string; code: string; name: string; matchedCode: string; matchedName: string; score: number; doubt: string }>;
  /** Said when the reports are of different periods or plans (each group is ranked on its own). */
  mixed: string[];
  missing: string[];
  log: Array<{ file: string; message: string }>;
  due: string | null;
}

export interface ConsolidateOptions {
  /** The units the province expects a report from. */
  expectedUnits?: string[];
  /** ISO date reports are due; a later report date is late. Default: five days after the period ends. */
  due?: string | null;
}

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

export function consolidateReports(reports: UnitReport[], log: Consolidation["log"], options: ConsolidateOptions = {}): Consolidation {
  // The same unit twice: the later report wins, and it is said.
  const byUnit = new Map<string, UnitReport>();
  for (const r of reports) {
    const key = nameKey(r.config.unit);
    const prev = byUnit.get(key);
    if (!prev) byUnit.set(key, r);
    else {
      const later = r.config.reportDate >= prev.config.reportDate ? r : prev;
      const earlier = later === r ? prev : r;
      byUnit.set(key, later);
      log.push({ file: earlier.file, message: `trùng đơn vị "${r.config.unit}" với ${later.file}; dùng báo cáo ngày ${formatDate(later.config.reportDate)} (báo cáo sau)` });
    }
  }
  const units = [...byUnit.values()].sort((a, b) => a.config.unit.localeCompare(b.config.unit, "vi", { numeric: true }));

  const indicators: Canonical[] = [];
  const exact = new Map<string, Canonical>();
  const uncertain: Consolidation["uncertain"] = [];
  const results: UnitResult[] = [];
  let due = options.due ?? null;
  for (const report of units) {
    const settings = judgeSettingsOf(report.config);
    if (!options.due) {
      const d = addDays(periodEnd(settings.period), 5);
      due = due && due > d ? due : d;
    }
    const cells = new Map<number, Cell>();
    const rows = report.reading.rows;
    // Units number their own indicators: a shared code is a hint, and a doubtful pair gets its own column.
    const wordings = rows.map(rowWording);
    const column = new Map<number, Canonical>();
    // Most units report the same plan: a row with the code and wording of a known column is that column,
    // and only the rest go through the matcher (a province of a thousand units stays linear).
    const taken = new Set<Canonical>();
    const rest: number[] = [];
    rows.forEach((row, k) => {
      const known = exact.get(`${bareCode(row.id)}\u0000${wordings[k]}`);
      if (known && !taken.has(known)) {
        column.set(k, known);
        taken.add(known);
      } else rest.push(k);
    });
    if (rest.length) {
      const free = indicators.filter((c) => !taken.has(c));
      const m = matchRows(
        rest.map((k) => ({ code: rows[k]!.id, wording: wordings[k]! })),
        free.map((c) => ({ code: c.code, wording: c.wording })),
        { sharedNumbering: false },
      );
      for (const p of m.pairs) {
        const k = rest[p.a]!;
        const row = rows[k]!;
        const canonical = free[p.b]!;
        if (p.sure) column.set(k, canonical);
        else uncertain.push({ unit: report.config.unit, code: row.id, name: row.name, matchedCode: canonical.code, matchedName: canonical.name, score: p.similarity, doubt: p.doubt ?? "" });
      }
    }
    rows.forEach((row, k) => {
      let match = column.get(k);
      if (!match) {
        const wording = wordings[k]!;
        match = { key: indicators.length, code: row.id, name: row.name, wording };
        indicators.push(match);
        exact.set(`${bareCode(row.id)}\u0000${wording}`, match);
      }
      const j = judgeMilestones(row.milestones, row.cumulative, numberOrNull(row.entry.baseline), row.entry, settings);
      const value = shownOnDocumentScale(j.value, row.percent);
      cells.set(match.key, { status: j.status, value, code: row.id, name: row.name });
    });
    const met = [...cells.values()].filter((c) => c.status === "Đạt").length;
    results.push({
      unit: report.config.unit,
      file: report.file,
      period: periodLabel(settings.period),
      plan: report.meta.planId || report.meta.planTitle || report.config.planTitle,
      reportDate: report.config.reportDate,
      late: false,
      cells,
      met,
      total: cells.size,
      share: cells.size ? met / cells.size : 0,
      rank: 0,
    });
  }
  // A row shows the code and the wording most units use.
  const mostUsed = (values: string[], current: string): string => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    return best && best[1] > (counts.get(current) ?? 0) ? best[0] : current;
  };
  for (const ind of indicators) {
    const cells = results.map((u) => u.cells.get(ind.key)).filter((x): x is Cell => x !== undefined);
    ind.code = mostUsed(
      cells.map((x) => x.code),
      ind.code,
    );
    ind.name = mostUsed(
      cells.map((x) => x.name),
      ind.name,
    );
  }
  for (const u of results) u.late = due !== null && u.reportDate > due;
  const group = (u: UnitResult) => `${u.period}\u0000${u.plan}`;
  for (const u of results) u.rank = 1 + results.filter((o) => group(o) === group(u) && o.share > u.share).length;
  const mixed: string[] = [];
  const count = (key: (u: UnitResult) => string) => [...results.reduce((m, u) => m.set(key(u), (m.get(key(u)) ?? 0) + 1), new Map<string, number>())];
  const periods = count((u) => u.period);
  if (periods.length > 1) mixed.push(`Báo cáo thuộc ${periods.length} kỳ khác nhau (${periods.map(([p, n]) => `${p}: ${n} đơn vị`).join("; ")}); mỗi kỳ được xếp hạng riêng.`);
  const plans = count((u) => u.plan);
  if (plans.length > 1)
    mixed.push(
      `Báo cáo theo ${plans.length} kế hoạch khác nhau (${plans.map(([p, n]) => `${p || "không rõ"}: ${n} đơn vị`).join("; ")}); mỗi kế hoạch được xếp hạng riêng, chỉ tiêu được ghép theo cách diễn đạt.`,
    );
  const reported = new Set(results.map((u) => nameKey(u.unit)));
  const missing = (options.expectedUnits ?? []).filter((u) => u.trim() && !reported.has(nameKey(u)));
  return { indicators, units: results, uncertain, missing, mixed, log, due };
}

export async function consolidate(files: Array<{ name: string; bytes: Uint8Array }>, options: ConsolidateOptions = {}): Promise<Consolidation> {
  const log: Consolidation["log"] = [];
  const reports: UnitReport[] = [];
  for (const f of files) await readIntoBatch(f.name, f.bytes.length, async () => f.bytes, reports, log);
  return consolidateReports(reports, log, options);
}

/**
 * One unit's file into the batch: its report, or a log line saying why it was not read. The size is
 * checked before `read` is called, so a file over the limit is never held in memory. Errors of `read`
 * itself (permissions) reach the caller, who knows how to name them. False when the file was not opened.
 */
export async function readIntoBatch(name: string, size: number, read: () => Promise<Uint8Array>, reports: UnitReport[], log: Consolidation["log"]): Promise<boolean> {
  const oversized = fileTooBig(size);
  if (oversized) {
    log.push({ file: name, message: `bỏ qua: ${oversized}` });
    return false;
  }
  const outcome = await readReportFile(name, await read());
  if (outcome.report) {
    reports.push(outcome.report);
    log.push({ file: name, message: `đã đọc: ${outcome.report.config.unit}, ${outcome.report.reading.rows.length} chỉ tiêu` });
  } else log.push({ file: name, message: `bỏ qua: ${outcome.problem}` });
  return true;
}

/** A header row tall enough for its wrapped titles in the sheet's column widths (bold runs wider: 0.85). */
function fitRow(sheet: SheetSpec, row: number): void {
  const cells = (sheet.rows[row - 1] ?? []).map((c, k): [string, number] => [typeof c?.v === "string" ? c.v : "", (sheet.columns[k]?.width ?? 10) * 0.85]);
  sheet.rowHeights[row] = rowHeight(cells);
}

/** The consolidated workbook: summary by unit, status and value matrices, doubtful matches, missing units, file log. */
export function consolidationWorkbook(c: Consolidation): WorkbookSpec {
  const sheets: SheetSpec[] = [];
  const header = (sheet: SheetSpec, row: number, titles: string[]) => {
    titles.forEach((t, k) => setCell(sheet, row, k + 1, { v: t }));
    sheet.styles.push({ range: rangeAddr(1, row, titles.length, row), style: { bold: true, fill: HEADER_FILL, color: HEADER_COLOR, wrap: true, vAlign: "middle", border: true } });
  };
  const period = [...new Set(c.units.map((u) => u.period))].join(", ");

  const summary = emptySheet("Tổng hợp tỉnh");
  setCell(summary, 1, 1, { v: `TỔNG HỢP CHỈ TIÊU CHUYỂN ĐỔI SỐ CỦA CÁC ĐƠN VỊ — KỲ ${period.toUpperCase()}` });
  setCell(summary, 2, 1, {
    v: `${c.units.length} đơn vị đã báo cáo; ${c.missing.length} đơn vị chưa báo cáo; ${c.units.filter((u) => u.late).length} đơn vị báo cáo muộn${c.due ? ` (hạn ${formatDate(c.due)})` : ""}; ${c.uncertain.length} cặp chỉ tiêu cần xác nhận.`,
  });
  summary.styles.push({ range: "A1", style: { bold: true, size: 14, color: HEADER_FILL } });
  if (c.mixed.length) {
    setCell(summary, 3, 1, { v: `Lưu ý: ${c.mixed.join(" ")}` });
    // Dark red on white: the status colours are a text colour for a fill, white on nothing would not show.
    summary.styles.push({ range: "A3", style: { bold: true, color: STATUS_STYLE["Không đạt"].fill } });
  }
  header(summary, 4, ["Xếp hạng", "Đơn vị", "Kỳ", "Ngày báo cáo", "Muộn", "Số chỉ tiêu", "Đạt", "Tỷ lệ đạt", "Tệp"]);
  [...c.units]
    .sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit, "vi", { numeric: true }))
    .forEach((u, k) => {
      const r = 5 + k;
      [u.rank, u.unit, u.period, formatDate(u.reportDate), u.late ? "Muộn" : null, u.total, u.met].forEach((v, j) => setCell(summary, r, j + 1, { v }));
      setCell(summary, r, 8, { v: u.share, fmt: "0%" });
      setCell(summary, r, 9, { v: u.file });
    });
  summary.columns = [{ width: 9 }, { width: 34 }, { width: 14 }, { width: 13 }, { width: 8 }, { width: 11 }, { width: 8 }, { width: 10 }, { width: 36 }];
  fitRow(summary, 4);
  summary.freeze = { rows: 4, columns: 2 };
  sheets.push(summary);

  // Printed on A4: indicators down and units across when there are more indicators than units (the usual
  // case), units down otherwise; headers repeat on every page, and up to eight units fit the page width.
  const down = c.indicators.length >= c.units.length;
  const matrix = (name: string, cell: (u: UnitResult, key: number) => { v?: string | number; fmt?: string }, share: boolean) => {
    const s = emptySheet(name);
    setCell(s, 1, 1, { v: `${name.toUpperCase()} — KỲ ${period.toUpperCase()}` });
    s.styles.push({ range: "A1", style: { bold: true, size: 13, color: HEADER_FILL } });
    const shareOf = (ind: Canonical) => {
      const having = c.units.filter((u) => u.cells.has(ind.key));
      const met = having.filter((u) => u.cells.get(ind.key)!.status === "Đạt").length;
      return having.length ? { v: met / having.length, fmt: "0%" } : {};
    };
    const head = 3;
    let lastCol: number;
    let lastRow: number;
    if (down) {
      ["Mã", "Nội dung chỉ tiêu", ...c.units.map((u) => u.unit), ...(share ? ["Tỷ lệ đơn vị đạt"] : [])].forEach((t, k) => setCell(s, head, k + 1, { v: t }));
      c.indicators.forEach((ind, r) => {
        setCell(s, head + 1 + r, 1, { v: ind.code });
        setCell(s, head + 1 + r, 2, { v: ind.name });
        c.units.forEach((u, k) => setCell(s, head + 1 + r, k + 3, cell(u, ind.key)));
        if (share) setCell(s, head + 1 + r, c.units.length + 3, shareOf(ind));
        s.rowHeights[head + 1 + r] = rowHeight([[ind.name, 50]]);
      });
      lastCol = c.units.length + 2 + (share ? 1 : 0);
      lastRow = head + c.indicators.length;
      s.columns = [{ width: 9 }, { width: 50 }, ...c.units.map(() => ({ width: 14 })), ...(share ? [{ width: 11 }] : [])];
      s.rowHeights[head] = rowHeight(c.units.map((u) => [u.unit, 14]));
      s.freeze = { rows: head, columns: 2 };
      s.print = { landscape: c.units.length > 3, repeatRows: [head, head], ...(c.units.length > 8 ? { fitToWidth: false, repeatColumns: "A:B" } : {}) };
      s.styles.push({ range: rangeAddr(1, head + 1, lastCol, Math.max(head + 1, lastRow)), style: { border: true, vAlign: "top", wrap: true } });
    } else {
      setCell(s, head, 1, { v: "Nội dung chỉ tiêu" });
      setCell(s, head + 1, 1, { v: "Đơn vị / Mã chỉ tiêu" });
      c.indicators.forEach((ind, k) => {
        setCell(s, head, k + 2, { v: ind.name });
        setCell(s, head + 1, k + 2, { v: ind.code });
      });
      c.units.forEach((u, r) => {
        setCell(s, head + 2 + r, 1, { v: u.unit });
        c.indicators.forEach((ind, k) => setCell(s, head + 2 + r, k + 2, cell(u, ind.key)));
      });
      lastCol = c.indicators.length + 1;
      lastRow = head + 1 + c.units.length;
      if (share) {
        lastRow++;
        setCell(s, lastRow, 1, { v: "Tỷ lệ đơn vị đạt" });
        c.indicators.forEach((ind, k) => setCell(s, lastRow, k + 2, shareOf(ind)));
        s.styles.push({ range: rangeAddr(1, lastRow, lastCol, lastRow), style: { bold: true } });
      }
      s.columns = [{ width: 30 }, ...c.indicators.map(() => ({ width: 16 }))];
      s.rowHeights[head] = rowHeight(c.indicators.map((i) => [i.name, 16]));
      s.freeze = { rows: head + 1, columns: 1 };
      s.print = { landscape: true, repeatRows: [head, head + 1], fitToWidth: false, repeatColumns: "A:A" };
      s.styles.push({ range: rangeAddr(1, head + 2, lastCol, Math.max(head + 2, lastRow)), style: { border: true } });
    }
    s.styles.push({ range: rangeAddr(1, head, lastCol, down ? head : head + 1), style: { bold: true, fill: HEADER_FILL, color: HEADER_COLOR, wrap: true, vAlign: "top", border: true } });
    // The cells that hold a unit's value or status.
    const body = down ? rangeAddr(3, head + 1, c.units.length + 2, Math.max(head + 1, lastRow)) : rangeAddr(2, head + 2, lastCol, Math.max(head + 2, head + 1 + c.units.length));
    return { s, body };
  };

  const statuses = matrix("Ma trận trạng thái", (u, key) => (u.cells.has(key) ? { v: u.cells.get(key)!.status } : {}), true);
  const topLeft = statuses.body.split(":")[0];
  for (const s of STATUSES) statuses.s.conditionalFormats.push({ range: statuses.body, formula: `${topLeft}="${s}"`, fill: STATUS_STYLE[s].fill, color: STATUS_STYLE[s].color });
  sheets.push(statuses.s);
  sheets.push(
    matrix(
      "Ma trận giá trị",
      (u, key) => {
        const v = u.cells.get(key)?.value;
        return v === null || v === undefined ? {} : { v };
      },
      false,
    ).s,
  );

  const doubt = emptySheet("Cần xác nhận");
  setCell(doubt, 1, 1, { v: "Các chỉ tiêu có thể là cùng một chỉ tiêu nhưng chưa chắc: đang để ở cột riêng, cần người xác nhận" });
  doubt.styles.push({ range: "A1", style: { bold: true, color: HEADER_FILL } });
  header(doubt, 3, ["Đơn vị", "Mã của đơn vị", "Chỉ tiêu của đơn vị", "Có thể cùng chỉ tiêu mã", "Chỉ tiêu trong ma trận", "Độ giống", "Vì sao cần xem"]);
  c.uncertain.forEach((u, k) => {
    [u.unit, u.code, u.name, u.matchedCode, u.matchedName, u.score, u.doubt].forEach((v, j) => setCell(doubt, 4 + k, j + 1, j === 5 ? { v, fmt: "0%" } : { v }));
    doubt.rowHeights[4 + k] = rowHeight([
      [u.unit, 20],
      [u.name, 40],
      [u.matchedName, 40],
      [u.doubt, 28],
    ]);
  });
  doubt.columns = [{ width: 20 }, { width: 9 }, { width: 40 }, { width: 9 }, { width: 40 }, { width: 8 }, { width: 28 }];
  fitRow(doubt, 3);
  if (c.uncertain.length) doubt.styles.push({ range: rangeAddr(1, 4, 7, 3 + c.uncertain.length), style: { wrap: true, vAlign: "top", border: true } });
  doubt.print = { landscape: true, repeatRows: [3, 3] };
  sheets.push(doubt);

  const missing = emptySheet("Chưa báo cáo");
  header(missing, 1, ["Đơn vị chưa báo cáo"]);
  c.missing.forEach((u, k) => setCell(missing, 2 + k, 1, { v: u }));
  setCell(missing, 1, 3, { v: "Đơn vị báo cáo muộn" });
  setCell(missing, 1, 4, { v: "Ngày báo cáo" });
  missing.styles.push({ range: "C1:D1", style: { bold: true, fill: HEADER_FILL, color: HEADER_COLOR } });
  c.units
    .filter((u) => u.late)
    .forEach((u, k) => {
      setCell(missing, 2 + k, 3, { v: u.unit });
      setCell(missing, 2 + k, 4, { v: formatDate(u.reportDate) });
    });
  missing.columns = [{ width: 34 }, { width: 4 }, { width: 34 }, { width: 14 }];
  sheets.push(missing);

  const log = emptySheet("Nhật ký tệp");
  header(log, 1, ["Tệp", "Kết quả"]);
  c.log.forEach((l, k) => {
    setCell(log, 2 + k, 1, { v: l.file });
    setCell(log, 2 + k, 2, { v: l.message });
  });
  log.columns = [{ width: 40 }, { width: 90 }];
  sheets.push(log);

  for (const s of sheets) s.protect = false;
  return { sheets, names: [], title: `Tổng hợp chỉ tiêu chuyển đổi số — ${period}` };
}
