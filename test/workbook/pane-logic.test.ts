import { CATALOGUE } from "../../src/catalogue/catalogue";
import { readDocumentFile } from "../../src/catalogue/fileSource";
import type { JudgeSettings } from "../../src/core/judge";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import { parsePeriod } from "../../src/core/period";
import type { Plan } from "../../src/core/plan";
import { buildWorkbook } from "../../src/workbook/build";
import { checkEntries } from "../../src/workbook/checks";
import type { IndicatorEntry } from "../../src/workbook/indicatorSheet";
import { overview } from "../../src/workbook/overview";
import { readIndicatorSheet, readTaskSheet } from "../../src/workbook/readBack";
import { planFromReport } from "../../src/workbook/rebuild";
import type { WorkbookSettings } from "../../src/workbook/settings";
import type { SheetSpec } from "../../src/workbook/spec";
import { REMOVED_GROUP, mergeForUpdate } from "../../src/workbook/update";

const settings: WorkbookSettings = { unit: "UBND xã Thống Nhất", period: parsePeriod("Quý II/2026", "quarter")!, frequency: "quarter", reportDate: "2026-07-05", warnThreshold: 0.5, planId: null, productVersion: "test" };
const judgeSettings: JudgeSettings = { period: settings.period, frequency: "quarter", warnThreshold: 0.5 };
const original = readDocumentFile(CATALOGUE[0]);

/** The values and formats Excel would return for a sheet (formula cells left as their formulas). */
function sheetValues(sheet: SheetSpec): { values: unknown[][]; formats: string[][] } {
  const width = Math.max(...sheet.rows.map((r) => r.length));
  const values = sheet.rows.map((r) => Array.from({ length: width }, (_, c) => (r[c]?.f ? `=${r[c].f}` : r[c]?.v ?? "")));
  const formats = sheet.rows.map((r) => Array.from({ length: width }, (_, c) => r[c]?.fmt ?? "General"));
  return { values, formats };
}

function filled(plan: Plan, entries: Record<string, IndicatorEntry>) {
  const { spec } = buildWorkbook({ plan, settings, indicatorEntries: new Map(Object.entries(entries)) });
  const { values, formats } = sheetValues(spec.sheets[0]);
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
      `${col("p1", "C.7")} C.7: Quý I: ô phần trăm đang là 9500%; có lẽ đã gõ 95 thay cho 95% (ô phần trăm lưu 0,95 cho 95%)`,
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
    const o = overview(reading.rows, judgeSettings);
    expect(o.total).toBe(29);
    expect(Object.values(o.counts).reduce((a, b) => a + b, 0)).toBe(29);
    // C.7 (9500%), C.8 (120%) and C.18 (Hoàn thành) meet their targets.
    expect(o.counts["Đạt"]).toBe(3);
    expect(o.lagging[0].status).toBe("Cảnh báo");
    expect(o.lagging.map((l) => l.code)).toEqual(expect.arrayContaining(["C.6", "B.3"]));
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
    const { plan, entries: carried, summary } = mergeForUpdate(before.rows, next, "05/07/2026");
    expect(summary.added).toEqual(["C.24"]);
    expect(summary.removed).toEqual(["C.23"]);
    expect(summary.changedTargets).toEqual(["C.6"]);
    expect(summary.renumbered).toEqual([{ from: "B.3", to: "B.5" }]);
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
    expect(after.rows.find((r) => r.id === "C.6")!.milestones[0].value).toBe(0.97);
  });

  it("never merges two different indicators that share a code", () => {
    const before = filled(parsePlan(original), entries);
    const other = parsePlan("STT\tNội dung chỉ tiêu\tChỉ tiêu phấn đấu năm 2026\n1\tSố lớp bình dân học vụ số được mở\t10 lớp");
    const { summary } = mergeForUpdate(before.rows.filter((r) => r.id === "A.1"), { ...other, indicators: other.indicators.map((i) => ({ ...i, id: "A.1", code: "A.1" })) }, "05/07/2026");
    expect(summary).toMatchObject({ kept: 0, added: ["A.1"], removed: ["A.1"] });
  });
});

describe("rebuilding the report for export", () => {
  it("gives back the same sheet, cell for cell, from what the workbook holds", () => {
    const pb = parsePlan(readDocumentFile(CATALOGUE[2]));
    const { spec } = buildWorkbook({ plan: pb, settings, indicatorEntries: new Map([["1.1.1", { periods: [0.6, null, null, null], evidence: "Hợp lệ", note: "ghi chú" }]]), taskEntries: new Map([["II.4", { progress: "Hoàn thành", evidenceNumber: "15/QĐ" }]]) });
    const ind = sheetValues(spec.sheets[0]);
    const tasks = sheetValues(spec.sheets[1]);
    const { plan, entries, taskEntries } = planFromReport(readIndicatorSheet(ind.values, ind.formats).rows, readTaskSheet(tasks.values), pb.title);
    const again = buildWorkbook({ plan, settings, indicatorEntries: entries, taskEntries });
    for (const k of [0, 1]) {
      const a = sheetValues(spec.sheets[k]);
      const b = sheetValues(again.spec.sheets[k]);
      expect(b.values).toEqual(a.values);
      expect(b.formats).toEqual(a.formats);
    }
  });
});
