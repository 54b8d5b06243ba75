import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parse } from "csv-parse/sync";
import { runCli } from "../../src/cli/main";
import { STATUSES, type Status } from "../../src/core/judge";
import { readReportFile } from "../../src/province/readReportFile";
import { draftReport, issuerOf, periodWords } from "../../src/report/draft";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { memoryIo } from "../support/memoryIo";

// LibreOffice recalculates the workbook and prints the report: seconds each on a busy 2-core machine.
jest.setTimeout(240000);

/** Phước Bình's plan half-way through 2026: some indicators reported, tasks done, under way, late and silent. */
const RESULTS = [
  "code,value,evidence",
  "1.1.1,65,Hợp lệ",
  "1.1.2,20,",
  "1.2.1,100,Hợp lệ",
  "1.2.2,40,Không hợp lệ",
  "1.5.1,80,",
  "1.5.2,5,",
  "I.3,Đang triển khai,",
  "II.1,Hoàn thành,Hợp lệ",
  "II.2,Đang triển khai,",
  "II.4,Đang triển khai,",
  "",
].join("\n");

async function filledBook(): Promise<Uint8Array> {
  const { cliIo, written } = memoryIo({ "kq.csv": RESULTS });
  const code = await runCli(["workbook", "--plan", "phuoc-binh-2026", "--results", "kq.csv", "--period", "Quý II/2026", "--date", "05/07/2026", "--out", "so.xlsx"], cliIo);
  expect(code).toBe(0);
  return written.get("so.xlsx") as Uint8Array;
}

/** Status counts of a sheet as LibreOffice computes its formulas: every row under the "Trạng thái" title. */
function statusesIn(csvFile: string): string[] {
  const rows = parse(readFileSync(csvFile, "utf8"), { relax_column_count: true }) as string[][];
  const headerAt = rows.findIndex((r) => r.includes("Trạng thái") && r.includes("Mã"));
  const col = rows[headerAt]!.indexOf("Trạng thái");
  return rows
    .slice(headerAt + 1)
    .map((r) => r[col] ?? "")
    .filter((s) => (STATUSES as string[]).includes(s));
}

describe("the written report of the period (Báo cáo kỳ)", () => {
  it("says which body issues it, how it signs, and the period in words", () => {
    expect(issuerOf("UBND xã Thống Nhất")).toMatchObject({ issuer: ["ỦY BAN NHÂN DÂN", "XÃ THỐNG NHẤT"], number: "Số:        /BC-UBND", signature: { on: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH" } });
    expect(issuerOf("UBND xã Thống Nhất").place).toBe("Thống Nhất");
    expect(issuerOf("Ủy ban nhân dân phường Hồ Nai").issuer).toEqual(["ỦY BAN NHÂN DÂN", "PHƯỜNG HỒ NAI"]);
    expect(issuerOf("Đảng ủy phường Phước Bình")).toMatchObject({ issuer: ["ĐẢNG ỦY PHƯỜNG PHƯỚC BÌNH", "*"], motto: ["ĐẢNG CỘNG SẢN VIỆT NAM"], signature: { on: "T/M ĐẢNG ỦY", title: "BÍ THƯ" } });
    expect(periodWords("Quý II", 2026)).toBe("quý II năm 2026");
    expect(periodWords("Tháng 5", 2026)).toBe("tháng 5 năm 2026");
    expect(periodWords("6 tháng đầu năm", 2026)).toBe("6 tháng đầu năm 2026");
    expect(periodWords("Cả năm", 2026)).toBe("năm 2026");
  });

  it("drafts the body from the data: what lags and why, late and unstarted tasks, and who has not reported", async () => {
    const read = await readReportFile("so.xlsx", await filledBook());
    const draft = draftReport(read.report!);
    const text = draft.body.map((b) => ("text" in b ? b.text : `[${b.kind}]`)).join("\n");
    expect(draft.summary).toMatch(/^Kết quả thực hiện .+, quý II năm 2026$/);
    // Evidence judged invalid is a warning with its reason, whatever the value.
    expect(text).toMatch(/1\.2\.2\. .+ — cảnh báo: Minh chứng không hợp lệ/);
    expect(draft.annex.indicators.find((i) => i.code === "1.2.2")).toMatchObject({ status: "Cảnh báo", reason: "Minh chứng không hợp lệ", value: "40%" });
    // II.1 is done; II.3 (Công an phường, due 31/03/2026) is past its deadline with no word of it.
    expect(draft.annex.tasks.find((t) => t.code === "II.1")!.status).toBe("Đạt");
    expect(text).toMatch(/II\.3\. .+ — quá hạn 31\/03\/2026, chưa hoàn thành; đơn vị chủ trì: Công an phường\./);
    expect(text).toContain("Công an phường: chưa có số liệu");
    expect(text).not.toMatch(/Văn phòng Đảng ủy: chưa có số liệu/i);
    // Every indicator and task of the workbook is in the annex, none invented.
    expect(draft.annex.indicators.map((i) => i.code)).toEqual(read.report!.reading.rows.map((r) => r.id));
    expect(draft.annex.tasks.map((t) => t.code)).toEqual(read.report!.tasks.map((t) => t.id));
    expect(draft.total).toBe(read.report!.reading.rows.length);
  });

  const lo = libreOfficeAvailable() ? it : it.skip;
  lo("counts what the workbook's own formulas show, and opens in LibreOffice with every code and count in its text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-bc-"));
    const book = await filledBook();
    writeFileSync(join(dir, "so.xlsx"), book);
    const { cliIo, out, written } = memoryIo({ "so.xlsx": book });
    expect(await runCli(["report", "so.xlsx", "--out", "bao-cao.docx", "--json"], cliIo)).toBe(0);
    const json = JSON.parse(out[0]!) as { counts: Record<Status, number>; total: number; tasks: number };
    writeFileSync(join(dir, "bao-cao.docx"), written.get("bao-cao.docx") as Uint8Array);

    // The workbook recalculated by LibreOffice, every sheet to its own CSV.
    convert([join(dir, "so.xlsx")], "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", dir);
    const sheetCsv = (name: string) =>
      join(
        dir,
        readdirSync(dir).find((f) => f.startsWith("so-") && f.endsWith(`${name}.csv`))!,
      );
    const sheetStatuses = statusesIn(sheetCsv("Chỉ tiêu"));
    expect(sheetStatuses.length).toBe(json.total);
    for (const s of STATUSES) expect([s, json.counts[s]]).toEqual([s, sheetStatuses.filter((x) => x === s).length]);
    expect(statusesIn(sheetCsv("Nhiệm vụ")).length).toBe(json.tasks);

    convert([join(dir, "bao-cao.docx")], "pdf", dir);
    const pdf = join(dir, "bao-cao.pdf");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8", timeout: 60000 }))![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", timeout: 60000 });
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("T/M ĐẢNG ỦY");
    expect(text).toContain("Nơi nhận:");
    expect(text.replace(/\s+/g, " ")).toContain(`Kế hoạch có ${json.total} chỉ tiêu`);
    const parts = STATUSES.filter((s) => json.counts[s] > 0).map((s) => `${json.counts[s]} chỉ tiêu ${s.toLocaleLowerCase("vi")}`);
    // LibreOffice spreads justified lines with spaces inside words when Times New Roman is missing: compare without them.
    const flat = (s: string) => s.replace(/\s+/g, "");
    expect(flat(text)).toContain(flat(parts.join(", ")));
    const read = await readReportFile("so.xlsx", book);
    for (const row of read.report!.reading.rows) expect(text).toContain(row.id);
    for (const task of read.report!.tasks) expect(text).toContain(task.id);
  });

  it("refuses an output that is not .docx or already exists, and writes nothing", async () => {
    const book = await filledBook();
    const a = memoryIo({ "so.xlsx": book });
    expect(await runCli(["report", "so.xlsx", "--out", "bao-cao.pdf"], a.cliIo)).toBe(1);
    expect(a.err.join("\n")).toContain('Tệp báo cáo "bao-cao.pdf" phải có đuôi .docx');
    const b = memoryIo({ "so.xlsx": book, "bc.docx": "cũ" });
    expect(await runCli(["report", "so.xlsx", "--out", "bc.docx"], b.cliIo)).toBe(1);
    expect(b.err.join("\n")).toContain('Tệp "bc.docx" đã có');
    const c = memoryIo({ "so.xlsx": "không phải sổ" });
    expect(await runCli(["report", "so.xlsx", "--out", "bc.docx"], c.cliIo)).toBe(1);
    expect([a, b, c].map((x) => x.written.size)).toEqual([0, 0, 0]);
  });
});
