import { CATALOGUE } from "../../src/catalogue/catalogue";
import { readDocumentFile } from "../../src/catalogue/fileSource";
import type { JudgeSettings } from "../../src/core/judge";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import type { Plan } from "../../src/core/plan";
import { buildWorkbook } from "../../src/workbook/build";
import { checkEntries } from "../../src/reading/checks";
import type { IndicatorEntry } from "../../src/workbook/indicatorSheet";
import { overview } from "../../src/reading/overview";
import { readIndicatorSheet, readTaskSheet } from "../../src/reading/readBack";
import { planFromReport } from "../../src/reading/rebuild";
import type { SheetSpec } from "../../src/workbook/spec";
import { colLetter } from "../../src/workbook/spec";
import { taskCol } from "../../src/workbook/taskSheet";
import { REMOVED_GROUP, describeUpdate, mergeForUpdate } from "../../src/reading/update";
import { testSettings } from "../support/settings";
import { seedPlan } from "../support/seeds";

const settings = testSettings();
const judgeSettings: JudgeSettings = { period: settings.period, frequency: "quarter", warnThreshold: 0.5 };
const original = readDocumentFile(CATALOGUE[0]!);

/** The values and formats Excel would return for a sheet (formula cells left as their formulas). */
function sheetValues(sheet: SheetSpec): { values: unknown[][]; formats: string[][] } {
  const width = Math.max(...sheet.rows.map((r) => r.length));
  const values = sheet.rows.map((r) => Array.from({ length: width }, (_, c) => (r[c]?.f ? `=${r[c].f}` : (r[c]?.v ?? ""))));
  const formats = sheet.rows.map((r) => Array.from({ length: width }, (_, c) => r[c]?.fmt ?? "General"));
  return { values, formats };
}

function filled(plan: Plan, entries: Record<string, IndicatorEntry>) {
  const { spec } = buildWorkbook({ plan, settings, indicatorEntries: new Map(Object.entries(entries)) });
  const { values, formats } = sheetValues(spec.sheets[0]!);
  return readIndicatorSheet(values, formats);
}

const entries: Record<string, IndicatorEntry> = {
  "A.1": { periods: [0.3, 0.5, null, null], evidence: "Hợp lệ", evidenceNumber: "12/BC-UBND", evidenceDate: "2026-06-30", note: "Số liệu của nhà mạng" },
  "B.3": { periods: [null, 0.4, null, null], evidenceSummary: "Danh sách tập huấn" },
  "C.6": { periods: [0.95, null, null, null], evidence: "Không hợp lệ" },
  "C.7": { periods: [95, null, null, null] },
  "C.8": { periods: [1.2, null, null, null] },
  "C.9": { periods: ["khoảng 80%", null, null, null] },
  "C.10": { periods: [0.5, null, null, null], numerator: 3, denominator: 0 },
  "C.18": { periods: ["Hoàn thành", null, null, null] },
  "C.23": { periods: [0.5, null, null, null], evidence: "Đạt rồi", note: "Đang chờ Sở" },
};

describe("reading a report sheet back", () => {
  it("finds every indicator row with what was entered, by header text", () => {
    const reading = filled(parsePlan(original), entries);
    expect(reading.frequency).toBe("quarter");
    expect(reading.missing).toEqual([]);
    expect(reading.rows).toHaveLength(29);
    const a1 = reading.rows.find((r) => r.id === "A.1")!;
    expect(a1.entry).toMatchObject({ periods: [0.3, 0.5, null, null], evidence: "Hợp lệ", evidenceNumber: "12/BC-UBND", evidenceDate: "2026-06-30", note: "Số liệu của nhà mạng" });
    expect(a1.percent).toBe(true);
    expect(a1.milestones).toEqual([{ op: ">=", value: 0.7, deadline: "2026-12-31", text: "" }]);
  });
});

describe("Kiểm tra số liệu", () => {
  it("lists each problem with its cell", () => {
    const reading = filled(parsePlan(original), entries);
    const problems = checkEntries(reading.rows, judgeSettings);
    const at = (code: string) => problems.filter((p) => p.code === code).map((p) => `${p.address} ${p.message}`);
    const col = (key: string, id: string) => {
      const row = reading.rows.find((r) => r.id === id)!;
      return `${String.fromCharCode(64 + row.columns.get(key)!)}${row.row}`;
    };
    expect(at("C.7")).toEqual([
      `${col("p1", "C.7")} C.7: Quý I: ô phần trăm đang là 9500%; có lẽ số 95 được dán vào (hoặc nhập trước khi ô có dạng %) thay cho 95%: hãy gõ lại 95 vào ô`,
      // 9500% meets ≥ 80%, so the row reads Đạt, and Đạt needs evidence.
      `${col("evNumber", "C.7")} C.7: báo cáo Đạt nhưng chưa có minh chứng (số văn bản hoặc tóm tắt)`,
    ]);
    expect(at("C.8")[0]).toBe(`${col("p1", "C.8")} C.8: Quý I: tỷ lệ 120% vượt quá 100%`);
    expect(at("C.9")).toEqual([`${col("p1", "C.9")} C.9: Quý I: ô cần một số nhưng đang chứa chữ "khoảng 80%"`]);
    expect(at("C.10")[0]).toMatch(/C\.10: mẫu số bằng 0$/);
    expect(at("C.6")).toEqual([expect.stringMatching(/C\.6: minh chứng bị đánh giá không hợp lệ/)]);
    expect(at("C.18")).toEqual([expect.stringMatching(/C\.18: báo cáo Đạt nhưng chưa có minh chứng/)]);
    expect(at("C.23")[0]).toMatch(/C\.23: Quý I: chỉ tiêu này ghi tiến độ bằng chữ/);
    expect(at("C.23")[1]).toMatch(/thẩm định minh chứng "Đạt rồi" không nằm trong danh sách/);
    expect(at("A.1")).toEqual([]);
    expect(at("B.3")).toEqual([]);
  });
});

describe("Tổng quan", () => {
  it("counts by status with the judge and lists the lagging indicators, worst first", () => {
    const reading = filled(parsePlan(original), entries);
    const o = overview(reading.rows, [], judgeSettings);
    expect(o.total).toBe(29);
    expect(Object.values(o.counts).reduce((a, b) => a + b, 0)).toBe(29);
    // C.7 (9500%), C.8 (120%) and C.18 (Hoàn thành) meet their targets.
    expect(o.counts["Đạt"]).toBe(3);
    expect(o.lagging[0]!.status).toBe("Cảnh báo");
    expect(o.lagging.map((l) => l.code)).toEqual(expect.arrayContaining(["C.6", "B.3"]));
  });

  it("includes the tasks: done, under way, and past their deadline without being done, each with its cell", () => {
    const plan = seedPlan("phuoc-binh-2026");
    const taskEntries = new Map([
      ["II.4", { progress: "Hoàn thành", evidence: "Hợp lệ" }],
      ["II.1", { progress: "Đang triển khai" }],
      ["V.1.1", { progress: "Đang triển khai" }],
    ]);
    const { spec, layout } = buildWorkbook({ plan, settings, taskEntries });
    const tasks = readTaskSheet(sheetValues(spec.sheets[1]!).values);
    const o = overview([], tasks, judgeSettings);
    expect(o.tasks).toMatchObject({ total: 32, done: 1, inProgress: 1 });
    // Due by 31/03/2026 and not done at the end of Quý II: II.1 is under way but late.
    expect(o.tasks.overdue.map((t) => t.code)).toEqual(expect.arrayContaining(["II.1", "II.3", "II.5", "V.2.4", "V.6", "V.7", "VI.1"]));
    expect(o.tasks.overdue.map((t) => t.code)).not.toContain("II.4");
    expect(o.tasks.overdue.map((t) => t.code)).not.toContain("V.1.1");
    expect(o.tasks.overdue.find((t) => t.code === "II.1")).toMatchObject({ deadline: "2026-03-31", address: `${colLetter(taskCol("status"))}${layout.tasks!.rowOf.get("II.1")}` });
  });
});

describe("Cập nhật chỉ tiêu", () => {
  // The amended appendix: C.6's target raised, C.23 dropped, a new C.24, B.3 renumbered B.5, C.7 reworded.
  const amended = original
    .replace("6.\tTỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến.\t%\t95%", "6.\tTỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến.\t%\t97%")
    .replace(/23\.\tCác hệ thống thông tin phê duyệt[^\n]*\n?/, "24.\tTỷ lệ camera giám sát được kết nối về trung tâm điều hành\t%\t≥ 60%\tCông an xã\tCác cơ quan, đơn vị thuộc xã\t\n")
    .replace("3.\tTỷ lệ cán bộ, công chức, viên chức làm chủ", "5.\tTỷ lệ cán bộ, công chức, viên chức làm chủ")
    .replace("Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân, doanh nghiệp");

  it("keeps every entry with its indicator, adds new ones and keeps dropped ones, marked", () => {
    const before = filled(parsePlan(original), entries);
    const next = parsePlan(amended);
    const { plan, entries: carried, summary } = mergeForUpdate(before.rows, [], next, "05/07/2026");
    expect(summary.added).toEqual(["C.24"]);
    expect(summary.removed).toEqual(["C.23"]);
    expect(summary.keptAside).toEqual([{ from: "C.23", to: "C.23" }]);
    expect(summary.changedTargets).toEqual(["C.6"]);
    expect(summary.renumbered).toEqual([{ from: "B.3", to: "B.5" }]);
    expect(summary.doubtful).toEqual([]);
    expect(summary.kept).toBe(28);
    expect(carried.get("B.5")).toEqual(before.rows.find((r) => r.id === "B.3")!.entry);
    expect(carried.get("C.7")!.periods[0]).toBe(95);
    const dropped = plan.indicators.find((i) => i.id === "C.23")!;
    expect(dropped).toMatchObject({ group: REMOVED_GROUP, note: "Không còn trong phụ lục mới (cập nhật 05/07/2026)" });
    expect(carried.get("C.23")).toMatchObject({ periods: [0.5, null, null, null], note: "Đang chờ Sở" });

    // The rebuilt sheet holds every value, piece of evidence and note where it belongs.
    const after = filled(plan, Object.fromEntries(carried));
    for (const row of before.rows) {
      const newId = summary.renumbered.find((r) => r.from === row.id)?.to ?? row.id;
      const moved = after.rows.find((r) => r.id === newId)!;
      expect([row.id, moved.entry]).toEqual([row.id, row.entry]);
    }
    expect(after.rows.find((r) => r.id === "C.6")!.milestones[0]!.value).toBe(0.97);
  });

  it("never merges two different indicators that share a code", () => {
    const before = filled(parsePlan(original), entries);
    const other = parsePlan("STT\tNội dung chỉ tiêu\tChỉ tiêu phấn đấu năm 2026\n1\tSố lớp bình dân học vụ số được mở\t10 lớp");
    const { summary } = mergeForUpdate(
      before.rows.filter((r) => r.id === "A.1"),
      [],
      { ...other, indicators: other.indicators.map((i) => ({ ...i, id: "A.1", code: "A.1" })) },
      "05/07/2026",
    );
    expect(summary).toMatchObject({ kept: 0, added: ["A.1"], removed: ["A.1"], keptAside: [{ from: "A.1", to: "A.1 (cũ)" }] });
  });

  /** Every indicator's entry made distinct, so any misplaced row shows. */
  const everyRow = (plan: Plan): Record<string, IndicatorEntry> =>
    Object.fromEntries(plan.indicators.map((ind, k) => [ind.id, { periods: [k + 1, null, null, null], note: `ghi chú của ${ind.id}`, evidenceNumber: `${k + 1}/BC` }]));

  /** The appendix with one indicator inserted above the first of the group that holds `code`, written like its neighbour. */
  function insertAtTop(doc: string, plan: Plan, code: string, wording: string): string | null {
    const lines = doc.split("\n");
    const group = plan.indicators.find((x) => x.id === code)!.group;
    const first = plan.indicators.find((i) => i.group === group)!;
    const line = lines[first.line - 1];
    if (!line!.includes(first.name)) return null;
    return [...lines.slice(0, first.line - 1), line!.replace(first.name, wording), ...lines.slice(first.line - 1)].join("\n");
  }

  const exercised: string[] = [];
  afterAll(() => {
    expect(exercised.length).toBeGreaterThanOrEqual(4);
  });

  it.each(CATALOGUE.map((e) => [e.id, e] as const))("%s: an indicator inserted at the top of a group moves no entry to a wrong row", (_, entry) => {
    const doc = readDocumentFile(entry);
    const plan = parsePlan(doc);
    const amendedDoc = plan.indicators
      .slice(Math.floor(plan.indicators.length / 2))
      .concat(plan.indicators)
      .map((i) => insertAtTop(doc, plan, i.id, "Tỷ lệ hồ sơ thủ tục hành chính, dịch vụ công được số hóa kết quả giải quyết"))
      .find((d) => d && parsePlan(d).indicators.length === plan.indicators.length + 1);
    if (!amendedDoc) return;
    exercised.push(entry.id);
    const next = parsePlan(amendedDoc);
    const before = filled(plan, everyRow(plan));
    const { plan: merged, entries: carried, summary } = mergeForUpdate(before.rows, [], next, "05/07/2026");
    // Every old entry sits on the row with the same wording, whatever its new code.
    for (const row of before.rows) {
      const target = merged.indicators.filter((i) => carried.get(i.id) === row.entry);
      expect([row.id, target.length]).toEqual([row.id, 1]);
      expect([row.id, target[0]!.name]).toEqual([row.id, plan.indicators.find((i) => i.id === row.id)!.name]);
    }
    expect(summary.added).toHaveLength(1);
    expect(next.indicators.find((i) => i.id === summary.added[0])!.name).toMatch(/^Tỷ lệ hồ sơ thủ tục hành chính, dịch vụ công được số hóa/);
  });

  it("keeps codes unique over several updates, and an update and the update back return every entry", () => {
    const plan = parsePlan(original);
    const withoutC23 = parsePlan(original.replace(/23\.\tCác hệ thống thông tin phê duyệt[^\n]*\n?/, ""));
    const before = filled(plan, everyRow(plan));
    // Dropped, then back, then dropped again, then back: never two rows with one code, never an entry lost.
    let rows = before.rows;
    const seen: string[][] = [];
    for (const target of [withoutC23, plan, withoutC23, plan]) {
      const m = mergeForUpdate(rows, [], target, "05/07/2026");
      const ids = m.plan.indicators.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      seen.push(ids.filter((id) => id.startsWith("C.23")));
      rows = filled(m.plan, Object.fromEntries(m.entries)).rows;
    }
    expect(seen).toEqual([["C.23"], ["C.23"], ["C.23"], ["C.23"]]);
    for (const row of before.rows) expect([row.id, rows.find((r) => r.id === row.id)?.entry]).toEqual([row.id, row.entry]);
  });

  it("gives a kept-aside row a new code when the new appendix reuses its code, and another on the next update", () => {
    const plan = parsePlan(original);
    const reused = parsePlan(original.replace(/23\.\tCác hệ thống thông tin phê duyệt[^\n\t]*/, "23.\tSố lượt truy cập Cổng thông tin điện tử của xã"));
    const first = mergeForUpdate(filled(plan, everyRow(plan)).rows, [], reused, "05/07/2026");
    expect(first.summary.keptAside).toEqual([{ from: "C.23", to: "C.23 (cũ)" }]);
    const rows = filled(first.plan, { ...Object.fromEntries(first.entries), "C.23": { periods: [null, 7, null, null] } }).rows;
    const again = parsePlan(original.replace(/23\.\tCác hệ thống thông tin phê duyệt[^\n\t]*/, "23.\tSố máy tính được kết nối mạng nội bộ"));
    const second = mergeForUpdate(rows, [], again, "05/10/2026");
    expect(second.summary.keptAside.map((k) => k.to).sort()).toEqual(["C.23 (cũ 2)", "C.23 (cũ)"]);
    expect(second.entries.get("C.23 (cũ)")!.note).toBe("ghi chú của C.23");
    expect(second.entries.get("C.23 (cũ 2)")!.periods[1]).toBe(7);
  });

  it("never applies a doubtful pair without a person: kept apart and listed, joined when the official says so", () => {
    const plan = parsePlan(original);
    // B.2 renumbered B.9 and reworded: perhaps the same indicator, perhaps not.
    const doc = original.replace(
      "2.\tTỷ lệ cán bộ, công chức, viên chức được tập huấn, bồi dưỡng, phổ cập kỹ năng số cơ bản",
      "9.\tTỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số cơ bản và nâng cao",
    );
    const next = parsePlan(doc);
    const before = filled(plan, everyRow(plan));
    const apart = mergeForUpdate(before.rows, [], next, "05/07/2026");
    const pair = apart.summary.doubtful.find((d) => d.oldCode === "B.2")!;
    expect(pair).toMatchObject({ kind: "indicator", newCode: "B.9", joined: false });
    expect(pair.doubt).toMatch(/đổi mã \(B\.2 → B\.9\)|cách diễn đạt chỉ giống/);
    expect(apart.entries.get("B.9")).toBeUndefined();
    expect(apart.summary.keptAside).toContainEqual({ from: "B.2", to: "B.2" });
    expect(apart.entries.get("B.2")!.note).toBe("ghi chú của B.2");
    expect(describeUpdate(apart.summary).join("\n")).toContain("Chỉ tiêu cần người xác nhận — B.2");

    const joined = mergeForUpdate(before.rows, [], next, "05/07/2026", { indicators: new Map([["B.2", "B.9"]]), tasks: new Map() });
    expect(joined.entries.get("B.9")!.note).toBe("ghi chú của B.2");
    expect(joined.summary.keptAside).toEqual([]);
    expect(joined.summary.doubtful[0]!.joined).toBe(true);
  });

  it("carries text typed into number cells and values typed over formulas", () => {
    const plan = parsePlan(original);
    const { spec } = buildWorkbook({ plan, settings, indicatorEntries: new Map([["A.2", { periods: ["chưa có", null, null, null], numerator: "khoảng 30", denominator: 120, baseline: "n/a" }]]) });
    const { values, formats } = sheetValues(spec.sheets[0]!);
    const reading = readIndicatorSheet(values, formats, values);
    const a2 = reading.rows.find((r) => r.id === "A.2")!;
    const statusCol = a2.columns.get("status")!;
    values[a2.row - 1]![statusCol - 1] = "Đạt";
    const typed = readIndicatorSheet(values, formats, values);
    const row = typed.rows.find((r) => r.id === "A.2")!;
    expect(row.entry).toMatchObject({ periods: ["chưa có", null, null, null], numerator: "khoảng 30", denominator: 120, baseline: "n/a" });
    expect(row.overrides).toEqual([{ key: "status", header: "Trạng thái", value: "Đạt" }]);
    const m = mergeForUpdate(typed.rows, [], plan, "05/07/2026");
    expect(m.entries.get("A.2")).toMatchObject({ periods: ["chưa có", null, null, null], numerator: "khoảng 30", baseline: "n/a" });
    expect(m.entries.get("A.2")!.note).toContain('Giá trị đã gõ đè lên công thức (giữ lại khi cập nhật): "Trạng thái" = Đạt');
    expect(m.summary.overrides).toEqual([{ code: "A.2", header: "Trạng thái", value: "Đạt" }]);
    const after = filled(m.plan, Object.fromEntries(m.entries)).rows.find((r) => r.id === "A.2")!;
    expect(after.entry.numerator).toBe("khoảng 30");
    const problems = checkEntries(typed.rows, judgeSettings)
      .filter((p) => p.code === "A.2")
      .map((p) => p.message);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/tử số: ô cần một số nhưng đang chứa chữ "khoảng 30"/), expect.stringMatching(/ô "Trạng thái" có giá trị gõ đè lên công thức/)]),
    );
  });

  it("reads the sheet by its header wherever rows were inserted above it, and by names wherever columns moved", () => {
    const plan = parsePlan(original);
    const { spec } = buildWorkbook({ plan, settings, indicatorEntries: new Map(Object.entries(entries)) });
    const { values, formats } = sheetValues(spec.sheets[0]!);
    const width = values[0]!.length;
    // Two rows inserted above the header, a column inserted before "Mã", rows sorted backwards.
    const shift = (grid: unknown[][], blank: unknown) => [Array(width + 1).fill(blank), Array(width + 1).fill(blank), ...grid.map((r) => [blank, ...r])];
    const header = 4 + 2;
    const v2 = shift(values, "");
    const f2 = shift(formats, "General") as string[][];
    const body = v2.slice(header).reverse();
    const fbody = f2.slice(header).reverse();
    const reading = readIndicatorSheet([...v2.slice(0, header), ...body], [...f2.slice(0, header), ...fbody]);
    expect(reading.headerRow).toBe(6);
    expect(reading.missing).toEqual([]);
    const a1 = reading.rows.find((r) => r.id === "A.1")!;
    expect(a1.entry).toMatchObject({ periods: [0.3, 0.5, null, null], note: "Số liệu của nhà mạng", evidenceNumber: "12/BC-UBND" });
    expect(reading.rows).toHaveLength(29);
  });
});

describe("rebuilding the report for export", () => {
  it("gives back the same sheet, cell for cell, from what the workbook holds", () => {
    const pb = seedPlan("phuoc-binh-2026");
    const { spec } = buildWorkbook({
      plan: pb,
      settings,
      indicatorEntries: new Map([["1.1.1", { periods: [0.6, null, null, null], evidence: "Hợp lệ", note: "ghi chú" }]]),
      taskEntries: new Map([["II.4", { progress: "Hoàn thành", evidenceNumber: "15/QĐ" }]]),
    });
    const ind = sheetValues(spec.sheets[0]!);
    const tasks = sheetValues(spec.sheets[1]!);
    const { plan, entries, taskEntries } = planFromReport(readIndicatorSheet(ind.values, ind.formats).rows, readTaskSheet(tasks.values), pb.title);
    const again = buildWorkbook({ plan, settings, indicatorEntries: entries, taskEntries });
    for (const k of [0, 1]) {
      const a = sheetValues(spec.sheets[k]!);
      const b = sheetValues(again.spec.sheets[k]!);
      expect(b.values).toEqual(a.values);
      expect(b.formats).toEqual(a.formats);
    }
  });
});
