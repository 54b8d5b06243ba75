import ExcelJS from "exceljs";
import JSZip from "jszip";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { CATALOGUE } from "../../src/catalogue/catalogue";
import { readDocumentFile } from "../../src/catalogue/fileSource";
import { nodeIo, runCli } from "../../src/cli/main";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import { parsePeriod } from "../../src/core/period";
import { readReportFile, type UnitReport } from "../../src/province/readReportFile";
import { renderXlsx } from "../../src/render/xlsx";
import { buildWorkbook } from "../../src/workbook/build";
import { cp1258 } from "../support/encodings";
import { lyingWorkbook } from "../support/zipBomb";

/**
 * The CLI on a real folder, as an official uses it: what it refuses to overwrite, how it reads the
 * files Vietnamese offices save, how an update keeps every entry, and how the province's batch reads
 * a messy folder.
 */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "chitieu-safety-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => join(dir, name);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { ...nodeIo, out: (t) => out.push(t), err: (t) => err.push(t), today: () => new Date("2026-11-23T09:00:00Z") });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function report(path: string): Promise<UnitReport> {
  const read = await readReportFile(path, new Uint8Array(readFileSync(path)));
  if (!read.report) throw new Error(read.problem);
  return read.report;
}

const thongNhat = readDocumentFile(CATALOGUE[0]!);
const entryOf = (r: UnitReport, code: string) => r.reading.rows.find((x) => x.id === code)?.entry;

describe("files out", () => {
  it("never writes over one of its inputs, an existing file without --force, or into a missing folder", async () => {
    writeFileSync(at("r.csv"), "code,value\nA.1,50\n");
    const clobber = await run("workbook", "--plan", "thong-nhat-2026", "--period", "Quý II/2026", "--results", at("r.csv"), "--out", at("r.csv"));
    expect(clobber.code).toBe(1);
    expect(clobber.err).toContain("là tệp đầu vào của lệnh này");
    expect(readFileSync(at("r.csv"), "utf8")).toBe("code,value\nA.1,50\n");
    // The same input reached through a link is the same file.
    symlinkSync(at("r.csv"), at("link.csv"));
    expect((await run("workbook", "--plan", "thong-nhat-2026", "--period", "Quý II/2026", "--results", at("r.csv"), "--out", at("link.csv"))).code).toBe(1);
    expect(readFileSync(at("r.csv"), "utf8")).toBe("code,value\nA.1,50\n");

    expect((await run("workbook", "--plan", "thong-nhat-2026", "--period", "Quý II/2026", "--out", at("so.xlsx"))).code).toBe(0);
    const first = readFileSync(at("so.xlsx"));
    const again = await run("workbook", "--plan", "thong-nhat-2026", "--period", "Quý III/2026", "--out", at("so.xlsx"));
    expect(again.code).toBe(1);
    expect(again.err).toContain("đã có. Không ghi đè; thêm --force");
    expect(readFileSync(at("so.xlsx")).equals(first)).toBe(true);
    expect((await run("workbook", "--plan", "thong-nhat-2026", "--period", "Quý III/2026", "--out", at("so.xlsx"), "--force")).code).toBe(0);
    expect((await report(at("so.xlsx"))).config.choice).toBe("Quý III");

    const missing = await run("workbook", "--plan", "thong-nhat-2026", "--period", "Quý II/2026", "--out", at("chua-tao/so.xlsx"));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`Không có thư mục "${at("chua-tao")}"`);
    expect(readdirSync(dir).sort()).toEqual(["link.csv", "r.csv", "so.xlsx"]);
  });

  it("writes through a temporary file: a write that fails leaves nothing half written", () => {
    writeFileSync(at("so.xlsx"), "bản cũ");
    mkdirSync(at("khoa"));
    // A folder where the file should go: the rename fails, the temporary file is removed.
    expect(() => nodeIo.writeFile(at("khoa"), "mới")).toThrow(/Không ghi được tệp .*tệp cũ, nếu có, vẫn nguyên vẹn/);
    nodeIo.writeFile(at("so.xlsx"), "bản mới");
    expect(readFileSync(at("so.xlsx"), "utf8")).toBe("bản mới");
    expect(readdirSync(dir).sort()).toEqual(["khoa", "so.xlsx"]);
  });

  it("exports a CSV where text that starts like a formula stays text", async () => {
    writeFileSync(at("kq.csv"), 'code,value,evidence\nA.1,50,=HYPERLINK("http://x/?"&A1;"Bấm")\nA.2,20,+cmd|\' /C calc\'!A0\nB.2,10,@SUM(1+1)\nB.3,30,-1+1\n');
    expect((await run("workbook", "--plan", "thong-nhat-2026", "--period", "Quý II/2026", "--results", at("kq.csv"), "--unit", "UBND xã Tân Hòa", "--out", at("so.xlsx"))).code).toBe(0);
    mkdirSync(at("gui"));
    const exported = await run("export", at("so.xlsx"), "--out-dir", at("gui"));
    expect(exported.code).toBe(0);
    const names = readdirSync(at("gui"));
    const csv = readFileSync(
      join(
        at("gui"),
        names.find((n) => n.endsWith(".csv"))!,
      ),
      "utf8",
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://x/?""&A1;""Bấm"")"`);
    expect(csv).toContain("'+cmd|' /C calc'!A0");
    expect(csv).toContain("'@SUM(1+1)");
    expect(csv).toContain("'-1+1");
    expect(csv).not.toMatch(/,[=+@-][^,]/);
    // In the workbook the same text is a text cell, not a formula.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(at("so.xlsx")) as never);
    const sheet = wb.getWorksheet("Chỉ tiêu")!;
    const cells: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain('=HYPERLINK("http://x/?"&A1;"Bấm")');
    // Exporting again into the same folder is refused, never overwritten silently.
    expect((await run("export", at("so.xlsx"), "--out-dir", at("gui"))).code).toBe(1);
  });
});

describe("results files as Vietnamese offices save them", () => {
  it("reads Windows-1258 with semicolons and decimal commas: words and evidence count", async () => {
    writeFileSync(at("kq.csv"), cp1258("Mã;Giá trị;Thẩm định minh chứng\r\nA.1;50;\r\nC.6;95,5;Không hợp lệ\r\nC.18;Hoàn thành;Hợp lệ\r\nC.1;1000;\r\nA.2;-5;\r\n"));
    const r = await run("evaluate", "--plan", "thong-nhat-2026", "--results", at("kq.csv"), "--period", "Quý II/2026", "--json");
    expect(r.code).toBe(0);
    const byCode = new Map(JSON.parse(r.out).indicators.map((x: { code: string }) => [x.code, x]));
    expect(byCode.get("C.6")).toMatchObject({ status: "Cảnh báo", reason: "Minh chứng không hợp lệ", value: 95.5 });
    expect(byCode.get("C.18")).toMatchObject({ status: "Đạt" });
    expect(byCode.get("A.1")).toMatchObject({ value: 50 });
    expect(r.err).toContain('Lưu ý: đọc tệp kết quả theo bảng mã Windows-1258 (tiếng Việt của Windows), phân cách bằng dấu ";"');
    // Values the indicator cannot take are reported as "Kiểm tra" reports them.
    expect(r.err).toContain("C.1: tỷ lệ 1000% vượt quá 100%");
    expect(r.err).toContain("A.2: số âm (-5)");

    expect((await run("workbook", "--plan", "thong-nhat-2026", "--results", at("kq.csv"), "--period", "Quý II/2026", "--out", at("so.xlsx"))).code).toBe(0);
    const written = await report(at("so.xlsx"));
    expect(entryOf(written, "C.6")).toMatchObject({ periods: [null, 0.955, null, null], evidence: "Không hợp lệ" });
    expect(entryOf(written, "C.18")!.periods[1]).toBe("Hoàn thành");
  });

  it("reads UTF-16 and tab-separated files", async () => {
    const text = "\uFEFFcode\tvalue\nA.1\t40\n";
    const utf16 = Buffer.from(text, "utf16le");
    writeFileSync(at("kq.txt"), utf16);
    const r = await run("evaluate", "--plan", "thong-nhat-2026", "--results", at("kq.txt"), "--period", "Quý II/2026", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).indicators[0]).toMatchObject({ code: "A.1", value: 40 });
  });

  it.each([
    ["a decimal comma in a comma file", "code,value\nA.1,95,5\n", 'Dòng 2: giá trị "95,5" có dấu phẩy thập phân'],
    ["a header that names no code and value", "STT,Chỉ tiêu,Kết quả đạt được\n1,A,2\n", 'Dòng 1 (tiêu đề) phải có cột "code"'],
    ["codes of another plan", "code,value\n1.1.1,50\n1.1.2,20\n", 'Không mã nào trong tệp kết quả khớp với kế hoạch (ví dụ "1.1.1" ở dòng 2'],
    ["a header and nothing else", "code,value\n", "không có dòng số liệu nào"],
  ])("refuses %s: exit 1, nothing written", async (_, csv, message) => {
    writeFileSync(at("kq.csv"), csv);
    const r = await run("workbook", "--plan", "thong-nhat-2026", "--results", at("kq.csv"), "--period", "Quý II/2026", "--out", at("so.xlsx"));
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(existsSync(at("so.xlsx"))).toBe(false);
  });

  it("requires the period and refuses one far from the plan's years", async () => {
    const none = await run("workbook", "--plan", "thong-nhat-2026", "--out", at("so.xlsx"));
    expect(none).toMatchObject({ code: 1, err: 'Lỗi: Thiếu --period: kỳ báo cáo, ví dụ --period "Quý II/2026"' });
    const far = await run("evaluate", "--plan", "thong-nhat-2026", "--results", at("x.csv"), "--period", "Quý II/2036");
    expect(far.code).toBe(1);
    expect(far.err).toContain("cách xa các năm của kế hoạch (2026)");
    expect(existsSync(at("so.xlsx"))).toBe(false);
  });

  it("says a date that does not exist is one, not that it is badly written", async () => {
    const feb = await run("workbook", "--plan", "thong-nhat-2026", "--period", "Quý I/2026", "--date", "31/02/2026", "--out", at("so.xlsx"));
    expect(feb).toMatchObject({ code: 1, err: 'Lỗi: Ngày báo cáo "31/02/2026" là ngày không tồn tại: tháng 2 năm 2026 có 28 ngày, không có ngày 31' });
    const shape = await run("workbook", "--plan", "thong-nhat-2026", "--period", "Quý I/2026", "--date", "2026-02-20", "--out", at("so.xlsx"));
    expect(shape.err).toBe('Lỗi: Ngày báo cáo "2026-02-20" phải là một ngày theo dạng dd/mm/yyyy, ví dụ 05/07/2026');
    expect(existsSync(at("so.xlsx"))).toBe(false);
  });
});

describe("chitieu update", () => {
  // The amended appendix: C.23 dropped, an indicator inserted at the top of group C, the rest renumbered.
  const amended = (() => {
    const lines = thongNhat.replace(/23\.\tCác hệ thống thông tin phê duyệt[^\n]*\n?/, "").split("\n");
    const start = lines.findIndex((l) => l.startsWith("C\tPhát triển chuyển đổi số"));
    const renumbered = lines.map((l, k) => (k > start ? l.replace(/^(\d+)\.\t/, (_, n) => `${Number(n) + 1}.\t`) : l));
    const first = renumbered.findIndex((l, k) => k > start && l.startsWith("2.\t"));
    renumbered.splice(first, 0, "1.\tTỷ lệ hồ sơ thủ tục hành chính, dịch vụ công được số hóa kết quả giải quyết\t%\t80%\tTrung tâm Phục vụ HCC\t\t");
    return renumbered.join("\n");
  })();

  async function filledBook() {
    writeFileSync(at("kq.csv"), "code,value,evidence\nA.1,50,Hợp lệ\nC.1,85,Hợp lệ\nC.2,100,\nC.6,96,Không hợp lệ\nC.23,Hoàn thành,Hợp lệ\n");
    expect((await run("workbook", "--plan", "thong-nhat-2026", "--results", at("kq.csv"), "--period", "Quý II/2026", "--unit", "UBND xã Thống Nhất", "--out", at("so.xlsx"))).code).toBe(0);
    writeFileSync(at("phu-luc-moi.txt"), amended);
    return report(at("so.xlsx"));
  }

  it("moves every entry with its indicator, lists the changes, keeps the dropped one aside, and leaves the old book as it was", async () => {
    const before = await filledBook();
    const old = readFileSync(at("so.xlsx"));
    const r = await run("update", at("so.xlsx"), "--plan", at("phu-luc-moi.txt"), "--out", at("so-moi.xlsx"), "--json");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.added).toEqual(["C.1"]);
    expect(summary.removed).toEqual(["C.23"]);
    expect(summary.keptAside).toEqual([{ from: "C.23", to: "C.23 (cũ)" }]);
    expect(summary.renumbered).toEqual(
      expect.arrayContaining([
        { from: "C.1", to: "C.2" },
        { from: "C.2", to: "C.3" },
        { from: "C.6", to: "C.7" },
      ]),
    );
    expect(summary.doubtful).toEqual([]);
    expect(readFileSync(at("so.xlsx")).equals(old)).toBe(true);
    const after = await report(at("so-moi.xlsx"));
    const byName = (rep: UnitReport, name: string) => rep.reading.rows.filter((x) => x.name === name);
    for (const row of before.reading.rows) {
      const moved = byName(after, row.name);
      expect([row.id, moved.length]).toEqual([row.id, 1]);
      // The row kept aside carries the update's mark in its note, where the official had written none.
      const note = row.id === "C.23" ? "Không còn trong phụ lục mới (cập nhật 23/11/2026)" : row.entry.note;
      expect([row.id, moved[0]!.entry]).toEqual([row.id, { ...row.entry, note }]);
    }
    expect(entryOf(after, "C.1")!.periods).toEqual([null, null, null, null]);
    expect(after.config).toMatchObject({ unit: "UBND xã Thống Nhất", choice: "Quý II", year: 2026 });

    // And back: the old appendix again returns every entry to its code.
    const back = await run("update", at("so-moi.xlsx"), "--plan", "thong-nhat-2026", "--out", at("so-lai.xlsx"));
    expect(back.code).toBe(0);
    expect(back.out).toContain("Đổi mã: C.2 → C.1");
    const again = await report(at("so-lai.xlsx"));
    for (const row of before.reading.rows) expect([row.id, entryOf(again, row.id)]).toEqual([row.id, row.entry]);
    expect(again.reading.rows.map((x) => x.id).filter((id) => id.includes("(cũ"))).toEqual([]);
  });

  it("refuses an appendix of another plan that shares no row with the book, unless --force", async () => {
    await filledBook();
    writeFileSync(at("ke-hoach-khac.txt"), "STT\tNội dung chỉ tiêu\tChỉ tiêu năm 2026\n1\tSố lớp bình dân học vụ số được mở tại các ấp\t10 lớp\n2\tSố hộ kinh doanh dùng hóa đơn điện tử\t200 hộ\n");
    const other = await run("update", at("so.xlsx"), "--plan", at("ke-hoach-khac.txt"), "--out", at("so-moi.xlsx"));
    expect(other.code).toBe(1);
    expect(other.err).toContain(`khớp với phụ lục "${at("ke-hoach-khac.txt")}": có lẽ đây là phụ lục của kế hoạch khác. Không ghi gì`);
    expect(existsSync(at("so-moi.xlsx"))).toBe(false);
    const forced = await run("update", at("so.xlsx"), "--plan", at("ke-hoach-khac.txt"), "--out", at("so-moi.xlsx"), "--force");
    expect(forced.code).toBe(0);
    expect(entryOf(await report(at("so-moi.xlsx")), "C.6")).toMatchObject({ periods: [null, 0.96, null, null] });
  });

  it("keeps a doubtful pair apart and says so, without --json too", async () => {
    await filledBook();
    writeFileSync(at("phu-luc-moi.txt"), thongNhat.replace("6.\tTỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến.", "6.\tTỷ lệ hồ sơ thủ tục hành chính được giải quyết trước hạn và đúng hạn."));
    const r = await run("update", at("so.xlsx"), "--plan", at("phu-luc-moi.txt"), "--out", at("so-moi.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /Chỉ tiêu cần người xác nhận — C\.6 "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến\." và C\.6 "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trước hạn và đúng hạn\." \(cách diễn đạt chỉ giống \d+%\): để riêng, số liệu cũ giữ ở dòng cũ, dòng mới để trống\./,
    );
    const after = await report(at("so-moi.xlsx"));
    expect(entryOf(after, "C.6 (cũ)")).toMatchObject({ periods: [null, 0.96, null, null], evidence: "Không hợp lệ" });
    expect(entryOf(after, "C.6")!.periods).toEqual([null, null, null, null]);
  });

  it("reads a book whose sheet was renamed and rows inserted above the header; stops, writing nothing, when a column is gone", async () => {
    const before = await filledBook();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(at("so.xlsx")) as never);
    const sheet = wb.getWorksheet("Chỉ tiêu")!;
    sheet.name = "Chỉ tiêu xã 2026";
    sheet.spliceRows(2, 0, ["Ghi chú của văn phòng"], []);
    writeFileSync(at("doi-ten.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await run("update", at("doi-ten.xlsx"), "--plan", at("phu-luc-moi.txt"), "--out", at("so-moi.xlsx"));
    expect(r.code).toBe(0);
    const after = await report(at("so-moi.xlsx"));
    expect(after.reading.rows.find((x) => x.name === before.reading.rows.find((b) => b.id === "C.6")!.name)!.entry).toEqual(entryOf(before, "C.6"));

    const header = sheet.getRow(6);
    const col = (header.values as unknown[]).indexOf("Thẩm định minh chứng");
    sheet.spliceColumns(col, 1);
    writeFileSync(at("thieu-cot.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
    const stopped = await run("update", at("thieu-cot.xlsx"), "--plan", at("phu-luc-moi.txt"), "--out", at("so-2.xlsx"));
    expect(stopped.code).toBe(1);
    expect(stopped.err).toContain("thiếu cột: evCheck");
    expect(existsSync(at("so-2.xlsx"))).toBe(false);
  });
});

describe("the province's batch on a messy folder", () => {
  async function unitBook(unit: string, period: string, values: Record<string, number>): Promise<Uint8Array> {
    const plan = parsePlan(thongNhat);
    const { spec } = buildWorkbook({
      plan,
      settings: { unit, period: parsePeriod(period, "quarter")!, frequency: "quarter", reportDate: "2026-07-03", warnThreshold: 0.5, planId: "thong-nhat-2026", productVersion: "test" },
      indicatorEntries: new Map(Object.entries(values).map(([id, v]) => [id, { periods: [null, v, null, null], evidence: "Hợp lệ" }])),
    });
    return renderXlsx(spec);
  }

  it("reads each report once, logs every entry it skips and why, keeps accented names apart and flags mixed periods", async () => {
    const folder = at("bao-cao");
    mkdirSync(folder);
    writeFileSync(join(folder, "tan-hoa.xlsx"), await unitBook("UBND xã Tân Hòa", "Quý II/2026", { "A.1": 0.7 }));
    writeFileSync(join(folder, "tan-hoa-dau.xlsx"), await unitBook("UBND xã Tân Hóa", "Quý II/2026", { "A.1": 0.2 }));
    writeFileSync(join(folder, "gia-tan-quy-1.xlsx"), await unitBook("UBND xã Gia Tân", "Quý I/2026", { "A.1": 0.1 }));
    symlinkSync(join(folder, "tan-hoa.xlsx"), join(folder, "lien-ket.xlsx"));
    symlinkSync(join(folder, "khong-co.xlsx"), join(folder, "hong-lien-ket.xlsx"));
    mkdirSync(join(folder, "thang-truoc"));
    writeFileSync(join(folder, "thang-truoc", "cu.xlsx"), await unitBook("UBND xã Cũ", "Quý II/2026", {}));
    writeFileSync(join(folder, ".DS_Store"), "x");
    writeFileSync(join(folder, "~$tan-hoa.xlsx"), "lock");
    writeFileSync(join(folder, "CDS_Tan-Hoa.csv"), "loai,ma\n");
    writeFileSync(join(folder, "cong-van.pdf"), "%PDF-1.4");
    writeFileSync(join(folder, "hong.xlsx"), new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    // A small file that unpacks to far more than any report: refused before it is unpacked.
    const bomb = new JSZip();
    bomb.file("[Content_Types].xml", "<Types/>");
    bomb.file("xl/worksheets/sheet1.xml", "0".repeat(80 * 1024 * 1024));
    writeFileSync(join(folder, "qua-lon.xlsx"), await bomb.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    // A real report whose zip directory lies about one part (1,000 bytes declared, 200 MB inside): stopped while unpacking.
    writeFileSync(join(folder, "noi-doi.xlsx"), await lyingWorkbook(await unitBook("UBND xã Bom", "Quý II/2026", {}), /worksheets\/sheet1\.xml$/, 200));
    const unreadable = process.getuid?.() !== 0;
    if (unreadable) {
      writeFileSync(join(folder, "khong-quyen.xlsx"), await unitBook("UBND xã Khóa", "Quý II/2026", {}));
      chmodSync(join(folder, "khong-quyen.xlsx"), 0o000);
    }

    const r = await run("consolidate", folder, "--out", at("tong-hop.xlsx"));
    expect(r.code).toBe(0);
    const log = r.err.split("\n");
    const expectLine = (text: string) => expect(log).toContain(`Cảnh báo — ${text}`);
    expectLine(".DS_Store: bỏ qua: tệp ẩn");
    expectLine("~$tan-hoa.xlsx: bỏ qua: tệp khóa tạm của Excel (sổ đang mở)");
    expectLine("thang-truoc: bỏ qua: thư mục con (chỉ đọc các tệp nằm ngay trong thư mục đã chọn)");
    expectLine("hong-lien-ket.xlsx: bỏ qua: liên kết hỏng (không trỏ tới tệp nào)");
    expectLine("tan-hoa.xlsx: bỏ qua: cùng một tệp với lien-ket.xlsx (qua liên kết), đã đọc một lần");
    expectLine("CDS_Tan-Hoa.csv: bỏ qua: tệp CSV (tổng hợp đọc sổ .xlsx; CSV chỉ là bản xuất kèm)");
    expectLine("cong-van.pdf: bỏ qua: không phải sổ .xlsx (đuôi .pdf)");
    expectLine("hong.xlsx: bỏ qua: tệp hỏng, không mở được");
    expect(log.find((l) => l.startsWith("Cảnh báo — qua-lon.xlsx: bỏ qua:"))).toMatch(/khi giải nén lớn 80 MB, vượt giới hạn 64 MB: không đọc/);
    expectLine('noi-doi.xlsx: bỏ qua: phần "xl/worksheets/sheet1.xml" khi giải nén lớn hơn 64 MB, vượt giới hạn 64 MB: không đọc');
    if (unreadable) expectLine("khong-quyen.xlsx: bỏ qua: không đọc được tệp (không có quyền đọc)");
    expectLine("Báo cáo thuộc 2 kỳ khác nhau (Quý I/2026: 1 đơn vị; Quý II/2026: 2 đơn vị); mỗi kỳ được xếp hạng riêng.");
    expect(r.out).toMatch(/^Đã tổng hợp 3 đơn vị/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(at("tong-hop.xlsx")) as never);
    const summary = wb.getWorksheet("Tổng hợp tỉnh")!;
    const rows: unknown[][] = [];
    summary.eachRow((row, n) => n > 4 && rows.push((row.values as unknown[]).slice(1, 4)));
    // Each period ranked on its own: Gia Tân is first of Quý I, Tân Hòa first of Quý II.
    expect(rows).toEqual(
      expect.arrayContaining([
        [1, "UBND xã Gia Tân", "Quý I/2026"],
        [1, "UBND xã Tân Hòa", "Quý II/2026"],
        [2, "UBND xã Tân Hóa", "Quý II/2026"],
      ]),
    );
  }, 60000);

  it("stops with a message, writing nothing, when the folder holds no report", async () => {
    const empty = at("trong");
    mkdirSync(empty);
    const none = await run("consolidate", empty, "--out", at("tong-hop.xlsx"));
    expect(none).toMatchObject({ code: 1 });
    expect(none.err).toContain(`Thư mục "${empty}" trống; không ghi tệp tổng hợp.`);
    writeFileSync(join(empty, "ghi-chu.txt"), "không phải sổ");
    const junk = await run("consolidate", empty, "--out", at("tong-hop.xlsx"));
    expect(junk.code).toBe(1);
    expect(junk.err).toContain("không có sổ báo cáo nào đọc được (1 mục, xem nhật ký ở trên)");
    expect(existsSync(at("tong-hop.xlsx"))).toBe(false);
  });
});
