import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { judge, judgeTask, milestonesOf, PROGRESS_WORDS, type JudgeSettings } from "../../src/core/judge";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import { periodChoices, periodLabel, type Frequency } from "../../src/core/period";
import type { Indicator, Plan } from "../../src/core/plan";
import { renderXlsx } from "../../src/render/xlsx";
import { buildWorkbook, type WorkbookLayout } from "../../src/workbook/build";
import type { IndicatorEntry } from "../../src/workbook/indicatorSheet";
import type { WorkbookSettings } from "../../src/workbook/settings";
import type { TaskEntry } from "../../src/workbook/taskSheet";
import { taskCol } from "../../src/workbook/taskSheet";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { seedPlans } from "../support/seeds";

/**
 * The workbook's own formulas are what leaders see; the TypeScript judge must give the same answers.
 * Generated workbooks (every seed, random results, exact boundaries) are recalculated in LibreOffice
 * and every status and reason is compared with the judge's.
 */

interface Case {
  name: string;
  plan: Plan;
  settings: WorkbookSettings;
  indicatorEntries: Map<string, IndicatorEntry>;
  taskEntries: Map<string, TaskEntry>;
  file: string;
  layout?: WorkbookLayout;
}

// Shapes the seeds do not have: half-year milestones, relative targets, targets in words, ranges.
const otherWard = [
  "PHỤ LỤC CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ AN PHƯỚC NĂM 2026",
  "STT\tTên chỉ tiêu\tĐVT\tChỉ tiêu\t\tHiện trạng năm 2025",
  "\t\t\t6 tháng đầu năm 2026\tCả năm 2026\t",
  "1\tTỷ lệ hồ sơ trực tuyến toàn trình\t%\t40%\tChín mươi phần trăm trở lên\t20%",
  "2\tSố lượt truy cập cổng thông tin\tlượt\t1.000 lượt\t2.000 lượt\t",
  "3\tSố hồ sơ nộp trực tuyến\thồ sơ\t\tTăng 20% so với năm 2025\t500",
  "4\tTỷ lệ văn bản giấy\t%\t\tGiảm 50% so với cùng kỳ\t40%",
  "5\tTỷ lệ camera hoạt động\t%\t70-80%\ttừ 85% đến 95%\t",
].join("\n");
const plans = [...seedPlans(), { id: "an-phuoc", plan: parsePlan(otherWard) }];
const EVIDENCE = ["", "", "Hợp lệ", "Không hợp lệ", "Chưa thẩm định"];

function settingsFor(planId: string | null, frequency: Frequency, year: number, choice: string): WorkbookSettings {
  const c = periodChoices(frequency).find((p) => p.label === choice)!;
  return { unit: "UBND phường Thử", period: { year, choice: c.label, endMonth: c.endMonth }, frequency, reportDate: `${year}-12-31`, warnThreshold: 0.5, planId, productVersion: "test" };
}

/** Values near and at the target, zeros, blanks, words, and text where a number belongs. */
function randomEntry(ind: Indicator, slots: number, rnd: () => number): IndicatorEntry {
  const ms = milestonesOf(ind);
  const numeric = ms.filter((m) => m.value !== null);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const value = (): number | string | null => {
    const roll = rnd();
    if (roll < 0.25) return null;
    if (numeric.length === 0 || roll < 0.3) return pick([...PROGRESS_WORDS, "Hoàn thành", "abc"]);
    const t = pick(numeric).value!;
    const percent = ind.unit === "%" || t <= 1;
    const step = percent ? 0.01 : 1;
    if (roll < 0.5) return t;
    if (roll < 0.6) return Math.max(0, Math.round((t - step) * 100) / 100);
    if (roll < 0.7) return Math.round((t + step) * 100) / 100;
    if (roll < 0.74) return 0;
    if (roll < 0.76) return "12,5%";
    return percent ? Math.round(rnd() * 100) / 100 : Math.round(rnd() * t * 1.5);
  };
  const relative = ms.find((m) => m.op === "tăng" || m.op === "giảm");
  const base = ind.unit === "%" ? 0.4 : 500;
  // Relative targets: values around the baseline moved by the target's change, the baseline usually given.
  const relativeValue = (): number | string | null => {
    const roll = rnd();
    if (roll < 0.15) return null;
    if (roll < 0.2) return "abc";
    const sign = relative!.op === "tăng" ? 1 : -1;
    const moved = pick([-0.3, 0, 0.05, 0.1, relative!.value! - 0.01, relative!.value!, relative!.value! + 0.05]);
    return Math.round(base * (1 + sign * moved) * 10000) / 10000;
  };
  const periods = Array.from({ length: slots }, relative ? relativeValue : value);
  const entry: IndicatorEntry = { periods, evidence: pick(EVIDENCE) };
  if (relative) {
    entry.baseline = rnd() < 0.8 ? base : null;
    return entry;
  }
  if (rnd() < 0.1) {
    entry.numerator = Math.round(rnd() * 50);
    entry.denominator = pick([0, 50, 40]);
  }
  if (rnd() < 0.15 && numeric.length) entry.baseline = Math.round(numeric[0]!.value! * rnd() * 100) / 100;
  return entry;
}

function randomCases(count: number): Case[] {
  const cases: Case[] = [];
  const rnd = mulberry32(20261123);
  for (let n = 0; n < count; n++) {
    const { id, plan } = plans[n % plans.length]!;
    const frequency: Frequency = n % 3 === 2 ? "month" : "quarter";
    const years = plan.years.length ? plan.years : [2026];
    const year = [...years, years[0]! + 1][Math.floor(rnd() * (years.length + 1))];
    const choices = periodChoices(frequency);
    const choice = choices[Math.floor(rnd() * choices.length)]!.label;
    const settings = settingsFor(id, frequency, year!, choice);
    const slots = frequency === "month" ? 12 : 4;
    const indicatorEntries = new Map(plan.indicators.map((i) => [i.id, randomEntry(i, slots, rnd)] as const));
    const taskEntries = new Map(
      plan.tasks.map((t) => [t.id, { progress: rnd() < 0.2 ? null : PROGRESS_WORDS[Math.floor(rnd() * PROGRESS_WORDS.length)], evidence: EVIDENCE[Math.floor(rnd() * EVIDENCE.length)] }] as const),
    );
    cases.push({ name: `${id}-${n}`, plan, settings, indicatorEntries, taskEntries, file: "" });
  }
  return cases;
}

/** Exact boundaries: 95 against ≥ 95, equality under ≤ and <, blank against 0, past and future deadlines, invalid evidence. */
function boundaryCases(): Case[] {
  const doc = [
    "STT\tNội dung chỉ tiêu\tĐơn vị tính\tChỉ tiêu phấn đấu năm 2026\tĐơn vị chủ trì",
    "1\tTỷ lệ A\t%\t≥ 95%\tPhòng A",
    "2\tTỷ lệ B\t%\t≤ 2%\tPhòng B",
    "3\tTỷ lệ C\t%\t< 2%\tPhòng B",
    "4\tTỷ lệ D\t%\ttrên 85%\tPhòng A",
    "5\tSố buổi tập huấn\tbuổi\t10 buổi/năm\tPhòng A",
    "6\tXếp hạng\tHạng\ttrong nhóm 10 đơn vị dẫn đầu\tPhòng C",
    "7\tPhần mềm quản trị\tĐạt\tĐạt\tPhòng C",
    "8\tTỷ lệ E\t%\t100%\tPhòng A",
    "9\tTỷ lệ F\t%\t60 - 80%\tPhòng A",
    "10\tTỷ lệ G\t%\t= 50%\tPhòng A",
    "11\tSố hồ sơ trực tuyến\thồ sơ\tTăng 20% so với năm 2025\tPhòng A",
    "12\tTỷ lệ tài liệu giấy\t%\tGiảm 50% so với cùng kỳ\tPhòng B",
  ].join("\n");
  const plan = parsePlan(doc);
  const cases: Case[] = [];
  const rows: Array<Record<string, IndicatorEntry>> = [
    {
      "1": { periods: [0.95] },
      "2": { periods: [0.02] },
      "3": { periods: [0.02] },
      "4": { periods: [0.85] },
      "5": { periods: [4, 6] },
      "6": { periods: [10] },
      "7": { periods: ["Đạt"] },
      "8": { periods: [null] },
      "9": { periods: [0.6] },
      "10": { periods: [0.5] },
      "11": { periods: [120], baseline: 100 },
      "12": { periods: [0.2], baseline: 0.4 },
    },
    {
      "1": { periods: [0.9499] },
      "2": { periods: [0.0201] },
      "3": { periods: [0.0199] },
      "4": { periods: [0.8501] },
      "5": { periods: [4, 5.9] },
      "6": { periods: [11] },
      "7": { periods: ["Đang triển khai"] },
      "8": { periods: [0] },
      "9": { periods: [0.59] },
      "10": { periods: [0.49] },
      "11": { periods: [119, 110], baseline: 100 },
      "12": { periods: [0.21], baseline: 0.4 },
    },
    {
      "1": { periods: [0.95], evidence: "Không hợp lệ" },
      "2": { periods: [null], evidence: "Không hợp lệ" },
      "3": { periods: ["abc"] },
      "4": { periods: [null, null, null, 0.2] },
      "5": { periods: [null, null, null, 9] },
      "6": { periods: [null, null, 12] },
      "7": { periods: ["Chưa triển khai"] },
      "8": { periods: [0.2, 0.2] },
      "9": { periods: [], numerator: 3, denominator: 5 },
      "10": { periods: [], numerator: 1, denominator: 0 },
      "11": { periods: [150] },
      "12": { periods: [0.5], baseline: 0.4, evidence: "Không hợp lệ" },
    },
    { "11": { periods: [95], baseline: 100 }, "12": { periods: ["abc"], baseline: 0.4 } },
  ];
  for (const [k, row] of rows.entries()) {
    for (const choice of ["Quý I", "Quý II", "Quý IV"]) {
      for (const year of [2026, 2027]) {
        cases.push({
          name: `bien-${k}-${choice}-${year}`,
          plan,
          settings: settingsFor(null, "quarter", year, choice),
          indicatorEntries: new Map(Object.entries(row)),
          taskEntries: new Map(),
          file: "",
        });
      }
    }
  }
  return cases;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const text = (v: ExcelJS.CellValue): string => {
  if (v && typeof v === "object" && "formula" in v) return v.result === undefined || v.result === null ? "" : String(v.result);
  return v === null || v === undefined ? "" : String(v);
};

describe("the workbook's formulas give the judge's answers (LibreOffice recalculation)", () => {
  const cases = [...randomCases(48), ...boundaryCases()];
  const dir = mkdtempSync(join(tmpdir(), "chitieu-recalc-"));
  let outDir = "";

  beforeAll(async () => {
    if (!libreOfficeAvailable()) throw new Error("Cần LibreOffice (soffice) để chạy thử công thức: apt-get install -y libreoffice-calc");
    for (const c of cases) {
      const { spec, layout } = buildWorkbook({ plan: c.plan, settings: c.settings, indicatorEntries: c.indicatorEntries, taskEntries: c.taskEntries });
      c.layout = layout;
      c.file = join(dir, `${c.name.replace(/[^\w.-]+/g, "_")}.xlsx`);
      writeFileSync(c.file, await renderXlsx(spec));
    }
    outDir = convert(
      cases.map((c) => c.file),
      "xlsx",
    );
  }, 600000);

  it("agrees on every status and reason of every indicator and task", async () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const c of cases) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(outDir, c.file.split("/").pop()!));
      const ws = wb.getWorksheet("Chỉ tiêu")!;
      // The period's name, as the sheet titles show it: "6 tháng đầu năm 2026", "Năm 2027", "Tháng 5/2026".
      const label = text(wb.getWorksheet("Cấu hình")!.getCell("B12").value);
      if (label !== periodLabel(c.settings.period)) mismatches.push(`${c.name}: Tên kỳ ${label} ≠ ${periodLabel(c.settings.period)}`);
      const judgeSettings: JudgeSettings = { period: c.settings.period, frequency: c.settings.frequency, warnThreshold: c.settings.warnThreshold };
      const cols = c.layout!.indicators.columns;
      for (const ind of c.plan.indicators) {
        const r = c.layout!.indicators.rowOf.get(ind.id)!;
        const entry = c.indicatorEntries.get(ind.id) ?? { periods: [] };
        const j = judge(ind, entry, judgeSettings);
        const sheet = [text(ws.getCell(r, cols.index("status")).value), text(ws.getCell(r, cols.index("reason")).value)];
        compared++;
        if (sheet[0] !== j.status || sheet[1] !== j.reason) mismatches.push(`${c.name} ${ind.id}: sheet ${sheet.join(" / ")} ≠ judge ${j.status} / ${j.reason} (${JSON.stringify(entry)})`);
        const trend = text(ws.getCell(r, cols.index("trend")).value);
        if (trend !== j.trend) mismatches.push(`${c.name} ${ind.id}: trend ${trend} ≠ ${j.trend}`);
        for (const [key, want] of [
          ["expected", j.expected],
          ["ratio", j.ratio],
          ["progress", j.progress],
        ] as const) {
          const got = ws.getCell(r, cols.index(key)).value;
          // ExcelJS reads a formula whose result is 0 or "" back without a result.
          const n = got && typeof got === "object" && "formula" in got ? (got.result ?? (want === 0 ? 0 : null)) : got;
          const ok = want === null ? typeof n !== "number" : typeof n === "number" && Math.abs(n - want) <= 1e-9;
          if (!ok) mismatches.push(`${c.name} ${ind.id}: ${key} ${JSON.stringify(n)} ≠ ${want}`);
        }
      }
      if (c.layout!.tasks) {
        const ts = wb.getWorksheet("Nhiệm vụ")!;
        for (const t of c.plan.tasks) {
          const r = c.layout!.tasks.rowOf.get(t.id)!;
          const e = c.taskEntries.get(t.id) ?? {};
          const j = judgeTask(t, e.progress ?? null, e.evidence ?? "", judgeSettings);
          const sheet = [text(ts.getCell(r, taskCol("status")).value), text(ts.getCell(r, taskCol("reason")).value)];
          compared++;
          if (sheet[0] !== j.status || sheet[1] !== j.reason) mismatches.push(`${c.name} task ${t.id}: sheet ${sheet.join(" / ")} ≠ judge ${j.status} / ${j.reason}`);
        }
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(1900);
  });

  it("covers every status in the random and boundary cases", () => {
    const seen = new Set<string>();
    for (const c of cases) {
      const s: JudgeSettings = { period: c.settings.period, frequency: c.settings.frequency, warnThreshold: 0.5 };
      for (const ind of c.plan.indicators) seen.add(judge(ind, c.indicatorEntries.get(ind.id) ?? { periods: [] }, s).status);
    }
    expect([...seen].sort()).toEqual(["Chưa có số liệu", "Chậm tiến độ", "Cảnh báo", "Không đạt", "Đúng tiến độ", "Đạt"].sort());
  });
});

describe("changing the period on Cấu hình", () => {
  it("recalculates every status for the new period and keeps every value entered for earlier periods", async () => {
    if (!libreOfficeAvailable()) throw new Error("Cần LibreOffice (soffice): apt-get install -y libreoffice-calc");
    const dir = mkdtempSync(join(tmpdir(), "chitieu-period-"));
    const cases = randomCases(5)
      .filter((c) => c.settings.frequency === "quarter")
      .slice(0, 3);
    const later = "Quý IV";
    for (const c of cases) {
      const { spec, layout } = buildWorkbook({ plan: c.plan, settings: c.settings, indicatorEntries: c.indicatorEntries, taskEntries: c.taskEntries });
      c.layout = layout;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await renderXlsx(spec)) as never);
      wb.getWorksheet("Cấu hình")!.getCell("B6").value = later;
      c.file = join(dir, `${c.name}.xlsx`);
      await wb.xlsx.writeFile(c.file);
    }
    const out = convert(
      cases.map((c) => c.file),
      "xlsx",
    );
    for (const c of cases) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, `${c.name}.xlsx`));
      const ws = wb.getWorksheet("Chỉ tiêu")!;
      const cols = c.layout!.indicators.columns;
      const settings: JudgeSettings = { period: { year: c.settings.period.year, choice: later, endMonth: 12 }, frequency: "quarter", warnThreshold: 0.5 };
      for (const ind of c.plan.indicators) {
        const r = c.layout!.indicators.rowOf.get(ind.id)!;
        const entry = c.indicatorEntries.get(ind.id)!;
        expect([ind.id, text(ws.getCell(r, cols.index("status")).value)]).toEqual([ind.id, judge(ind, entry, settings).status]);
        entry.periods.forEach((v, k) => {
          const got = ws.getCell(r, cols.index(`p${k + 1}`)).value;
          expect([ind.id, k, got ?? null]).toEqual([ind.id, k, v]);
        });
      }
    }
  }, 300000);
});
