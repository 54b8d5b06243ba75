import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parse } from "csv-parse/sync";
import { runCli } from "../../src/cli/main";
import { judgeMilestones, numberOrNull } from "../../src/core/judge";
import { readReportFile } from "../../src/province/readReportFile";
import { judgeSettingsOf } from "../../src/reading/configRead";
import { fill } from "../support/forms";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { memoryIo } from "../support/memoryIo";

// Books are written, read and recalculated by LibreOffice: seconds each on a busy 2-core machine.
jest.setTimeout(180000);

/** Hòa Cường's 2025-2030 plan (milestones 2026/2028/2030) at the end of 2026, with results over the year. */
async function book2026(): Promise<Uint8Array> {
  const csv = "code,value,evidence\nI.1,100,Hợp lệ\nI.2,65,\nII.1,72,\nI.8,Hoàn thành,\n";
  const { cliIo, written } = memoryIo({ "kq.csv": csv });
  expect(await runCli(["workbook", "--plan", "hoa-cuong-2030", "--results", "kq.csv", "--period", "Quý IV/2026", "--date", "31/12/2026", "--out", "so.xlsx"], cliIo)).toBe(0);
  // Quý II was reported too: a level indicator's year result is its latest report, not the sum.
  return fill(written.get("so.xlsx") as Uint8Array, [
    { code: "I.2", column: "Quý II", value: 0.4 },
    { code: "II.2", column: "Quý II", value: 0.3 },
  ]);
}

async function rollover(bytes: Uint8Array, year: number) {
  const io = memoryIo({ "so.xlsx": bytes });
  const code = await runCli(["rollover", "so.xlsx", "--year", String(year), "--out", "moi.xlsx"], io.cliIo);
  return { code, ...io, bytes: io.written.get("moi.xlsx") as Uint8Array | undefined };
}

describe("Sang năm mới: the next year's book of a multi-year plan", () => {
  it("starts 2027 from 2026's results, keeps the plan, and writes every 2026 period into Lịch sử", async () => {
    const old = (await readReportFile("so.xlsx", await book2026())).report!;
    const made = await rollover(await book2026(), 2027);
    expect(made.code).toBe(0);
    expect(made.out[0]).toContain("Đã lập sổ năm 2027: moi.xlsx (sổ so.xlsx giữ nguyên).");
    const next = (await readReportFile("moi.xlsx", made.bytes!)).report!;
    expect(next.config).toMatchObject({ year: 2027, choice: "Quý I", unit: old.config.unit, frequency: "quarter" });
    expect(next.reading.rows.map((r) => [r.id, r.milestones])).toEqual(old.reading.rows.map((r) => [r.id, r.milestones]));
    const row = (code: string) => next.reading.rows.find((r) => r.id === code)!;
    // The latest 2026 report is the starting point; nothing is entered for 2027 yet.
    expect(row("I.2").entry.baseline).toBe(0.65);
    expect(row("II.2").entry.baseline).toBe(0.3);
    expect(row("I.3").entry.baseline ?? null).toBeNull();
    expect(next.reading.rows.every((r) => r.entry.periods.every((p) => p === null))).toBe(true);

    const history = next.history!;
    expect(history.columns).toEqual(["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026", "Kết quả 2026", "Trạng thái cuối năm 2026"]);
    const settings = { period: { year: 2026, choice: "Cả năm", endMonth: 12 }, frequency: "quarter" as const, warnThreshold: 0.5 };
    for (const r of old.reading.rows) {
      const h = history.rows.find((x) => x.code === r.id)!;
      const j = judgeMilestones(r.milestones, r.cumulative, numberOrNull(r.entry.baseline), r.entry, settings);
      expect([r.id, ...h.values]).toEqual([r.id, ...[0, 1, 2, 3].map((k) => r.entry.periods[k] ?? null), j.value, j.status]);
    }
    expect(history.rows.find((x) => x.code === "I.1")!.values.slice(-2)).toEqual([1, "Đạt"]);

    // A year later the 2026 columns stay and 2027's follow them.
    const again = await rollover(made.bytes!, 2028);
    const later = (await readReportFile("x.xlsx", again.bytes!)).report!.history!;
    expect(later.columns).toEqual([...history.columns, "Quý I/2027", "Quý II/2027", "Quý III/2027", "Quý IV/2027", "Kết quả 2027", "Trạng thái cuối năm 2027"]);
    expect(later.rows.find((x) => x.code === "I.2")!.values.slice(0, 6)).toEqual(history.rows.find((x) => x.code === "I.2")!.values);
  });

  it("keeps Lịch sử through an update from the appendix", async () => {
    const made = await rollover(await book2026(), 2027);
    const io = memoryIo({ "so.xlsx": made.bytes! });
    expect(await runCli(["update", "so.xlsx", "--plan", "hoa-cuong-2030", "--out", "cap-nhat.xlsx"], io.cliIo)).toBe(0);
    const updated = (await readReportFile("c.xlsx", io.written.get("cap-nhat.xlsx") as Uint8Array)).report!;
    const before = (await readReportFile("m.xlsx", made.bytes!)).report!;
    expect(updated.history).toEqual(before.history);
  });

  it("refuses another year than the next, a plan that ends this year, and writes nothing", async () => {
    const skip = await rollover(await book2026(), 2029);
    expect(skip.code).toBe(1);
    expect(skip.err.join("\n")).toContain("Sổ đang là năm 2026: năm mới phải là 2027");
    const io = memoryIo();
    expect(await runCli(["workbook", "--plan", "thong-nhat-2026", "--period", "Quý IV/2026", "--out", "tn.xlsx"], io.cliIo)).toBe(0);
    const single = await rollover(io.written.get("tn.xlsx") as Uint8Array, 2027);
    expect(single.code).toBe(1);
    expect(single.err.join("\n")).toContain("Kế hoạch kết thúc năm 2026: không có năm 2027 để theo dõi");
    expect([skip.written.size, single.written.size]).toEqual([0, 0]);
  });

  const lo = libreOfficeAvailable() ? it : it.skip;
  lo("judges the rolled-over book in LibreOffice as the TypeScript judge does, against the 2028 milestone", async () => {
    const made = await rollover(await book2026(), 2027);
    // Quý II/2027 reported for a few indicators.
    const filled = await fill(
      made.bytes!,
      [
        { code: "I.2", column: "Quý II", value: 0.8 },
        { code: "II.1", column: "Quý II", value: 0.7 },
        { code: "II.3", column: "Quý II", value: 0.55 },
        { code: "I.8", column: "Quý II", value: "Đang triển khai" },
      ],
      { choice: "Quý II" },
    );
    const dir = mkdtempSync(join(tmpdir(), "chitieu-rollover-"));
    writeFileSync(join(dir, "so27.xlsx"), filled);
    convert([join(dir, "so27.xlsx")], "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", dir);
    const csv = readdirSync(dir).find((f) => f.startsWith("so27-") && f.endsWith("Chỉ tiêu.csv"))!;
    const grid = parse(readFileSync(join(dir, csv), "utf8"), { relax_column_count: true }) as string[][];
    const header = grid.findIndex((r) => r.includes("Mã") && r.includes("Trạng thái"));
    const [codeCol, statusCol, reasonCol] = ["Mã", "Trạng thái", "Lý do"].map((t) => grid[header]!.indexOf(t));
    const report = (await readReportFile("so27.xlsx", filled)).report!;
    const settings = judgeSettingsOf(report.config);
    expect(settings.period).toMatchObject({ year: 2027, choice: "Quý II" });
    const engine = new Map(grid.slice(header + 1).map((r) => [r[codeCol!], [r[statusCol!], r[reasonCol!]]]));
    const i2 = report.reading.rows.find((r) => r.id === "I.2")!;
    // 2027 lies between the 2026 and 2028 milestones: the roadmap runs from 2026's 70% to 2028's 90%.
    expect(judgeMilestones(i2.milestones, i2.cumulative, numberOrNull(i2.entry.baseline), i2.entry, settings).milestone).toBe(2);
    for (const row of report.reading.rows) {
      const j = judgeMilestones(row.milestones, row.cumulative, numberOrNull(row.entry.baseline), row.entry, settings);
      expect([row.id, ...engine.get(row.id)!]).toEqual([row.id, j.status, j.reason]);
    }
  });
});
