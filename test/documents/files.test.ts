import ExcelJS from "exceljs";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from "docx";
import { runCli } from "../../src/cli/main";
import { memoryIo } from "../support/memoryIo";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import { readDocument } from "../../src/documents/readDocument";

/** Files as wards keep their appendices: Word with merged cells, Excel, text in other encodings, and files that are no appendix. */

type CellSpec = string | { text: string; span?: number; merge?: "start" | "continue" };
const cell = (c: CellSpec) => {
  const spec = typeof c === "string" ? { text: c } : c;
  return new TableCell({
    children: [new Paragraph(spec.text)],
    ...(spec.span ? { columnSpan: spec.span } : {}),
    ...(spec.merge ? { verticalMerge: spec.merge === "start" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
};
const row = (cells: CellSpec[]) => new TableRow({ children: cells.map(cell) });

async function docx(paragraphs: string[], rows: CellSpec[][]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [...paragraphs.map((p) => new Paragraph(p)), new Table({ rows: rows.map(row) })] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const summary = (text: string) => parsePlan(text).indicators.map((i) => [i.id, i.group, i.name, i.targets.map((t) => `${t.op}${t.value ?? ""}${t.unit ?? ""}@${t.deadline}`).join(" | "), i.lead]);

describe("Word files with merged cells", () => {
  it("expands a two-row merged header, a group row merged across and a lead unit merged down", async () => {
    const bytes = await docx(
      ["KẾ HOẠCH", "Chuyển đổi số xã Suối Tre năm 2026"],
      [
        [
          { text: "STT", merge: "start" },
          { text: "Nội dung chỉ tiêu", merge: "start" },
          { text: "Chỉ tiêu", span: 2 },
          { text: "Đơn vị chủ trì", merge: "start" },
        ],
        [{ text: "", merge: "continue" }, { text: "", merge: "continue" }, "Năm 2026", "Năm 2027", { text: "", merge: "continue" }],
        [{ text: "I. CHÍNH QUYỀN SỐ", span: 5 }],
        ["1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "≥ 60%", "≥ 80%", { text: "Trung tâm Phục vụ hành chính công", merge: "start" }],
        ["2", "Tỷ lệ thanh toán trực tuyến", "40%", "60%", { text: "", merge: "continue" }],
        [{ text: "II. XÃ HỘI SỐ", span: 5 }],
        ["3", "Tỷ lệ người dân có VNeID mức 2", "70%", "90%", "Công an xã"],
      ],
    );
    const doc = await readDocument("phu-luc.docx", bytes);
    expect(doc.format).toBe("docx");
    expect(summary(doc.text)).toEqual([
      ["I.1", "CHÍNH QUYỀN SỐ", "Tỷ lệ hồ sơ trực tuyến toàn trình", ">=60%@2026-12-31 | >=80%@2027-12-31", "Trung tâm Phục vụ hành chính công"],
      ["I.2", "CHÍNH QUYỀN SỐ", "Tỷ lệ thanh toán trực tuyến", ">=40%@2026-12-31 | >=60%@2027-12-31", "Trung tâm Phục vụ hành chính công"],
      ["II.3", "XÃ HỘI SỐ", "Tỷ lệ người dân có VNeID mức 2", ">=70%@2026-12-31 | >=90%@2027-12-31", "Công an xã"],
    ]);
  });

  it("reads half-year columns under a merged header and a title row merged across the table", async () => {
    const bytes = await docx(
      ["PHỤ LỤC"],
      [
        [{ text: "CHỈ TIÊU CHUYỂN ĐỔI SỐ PHƯỜNG TAM HIỆP NĂM 2026", span: 4 }],
        [
          { text: "TT", merge: "start" },
          { text: "Tên chỉ tiêu", merge: "start" },
          { text: "Mục tiêu", span: 2 },
        ],
        [{ text: "", merge: "continue" }, { text: "", merge: "continue" }, "6 tháng đầu năm", "Cả năm"],
        ["1", "Số buổi tập huấn kỹ năng số", "4 buổi", "10 buổi"],
        ["2", "Tỷ lệ văn bản ký số", "Chín mươi phần trăm", "Một trăm phần trăm"],
      ],
    );
    const text = (await readDocument("tam-hiep.docx", bytes)).text;
    expect(summary(text)).toEqual([
      ["1", "", "Số buổi tập huấn kỹ năng số", ">=4buổi@2026-06-30 | >=10buổi@2026-12-31", null],
      ["2", "", "Tỷ lệ văn bản ký số", ">=90%@2026-06-30 | >=100%@2026-12-31", null],
    ]);
    expect(parsePlan(text).indicators[1]!.review).toMatch(/viết bằng chữ/);
  });

  it("reads numbered headings with no target column, the targets in the wording", async () => {
    const bytes = await docx(
      ["KẾ HOẠCH", "Chuyển đổi số xã Phước Tân năm 2027"],
      [
        ["STT", "Nội dung chỉ tiêu", "Đơn vị thực hiện"],
        ["1", "Hạ tầng và dữ liệu", ""],
        ["1.1", "Tỷ lệ thôn, ấp có sóng 5G đạt 100%", "Phòng Kinh tế"],
        ["1.2", "Số hóa tối thiểu 3.000 hồ sơ đất đai", "Phòng Kinh tế"],
        ["2", "Tỷ lệ người dân dùng dịch vụ công trực tuyến đạt trên 60%", "Trung tâm PVHCC"],
      ],
    );
    expect(summary((await readDocument("phuoc-tan.docx", bytes)).text)).toEqual([
      ["1.1", "Hạ tầng và dữ liệu", "Tỷ lệ thôn, ấp có sóng 5G đạt 100%", ">=100%@2027-12-31", "Phòng Kinh tế"],
      ["1.2", "Hạ tầng và dữ liệu", "Số hóa tối thiểu 3.000 hồ sơ đất đai", ">=3000hồ sơ@2027-12-31", "Phòng Kinh tế"],
      ["2", "", "Tỷ lệ người dân dùng dịch vụ công trực tuyến đạt trên 60%", ">60%@2027-12-31", "Trung tâm PVHCC"],
    ]);
  });
});

describe("Excel appendices", () => {
  it("reads the sheet that holds the appendix, merged cells expanded, percentages as written", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Hướng dẫn").getCell("A1").value = "Điền kết quả vào trang Phụ lục";
    const ws = wb.addWorksheet("Phụ lục");
    ws.getCell("A1").value = "PHỤ LỤC CHỈ TIÊU NĂM 2026";
    ws.mergeCells("A1:E1");
    ws.addRow([]);
    ws.addRow(["STT", "Nội dung chỉ tiêu", "Chỉ tiêu", null, "Đơn vị chủ trì"]);
    ws.addRow([null, null, "6 tháng đầu năm 2026", "Cả năm 2026", null]);
    ws.mergeCells("A3:A4");
    ws.mergeCells("B3:B4");
    ws.mergeCells("C3:D3");
    ws.mergeCells("E3:E4");
    ws.addRow(["A", "Chính quyền số"]);
    ws.mergeCells("B5:E5");
    ws.addRow([1, "Tỷ lệ hồ sơ trực tuyến", 0.4, 0.8, "Trung tâm PVHCC"]);
    ws.getCell("C6").numFmt = "0%";
    ws.getCell("D6").numFmt = "0%";
    ws.addRow([2, "Số lớp bình dân học vụ số", "3 lớp", "6 lớp", "Phòng VH-XH"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const doc = await readDocument("phu-luc.xlsx", bytes);
    expect(doc.format).toBe("xlsx");
    expect(doc.notes).toEqual(['Đã đọc trang tính "Phụ lục" (tệp có 2 trang tính).']);
    expect(summary(doc.text)).toEqual([
      ["A.1", "Chính quyền số", "Tỷ lệ hồ sơ trực tuyến", ">=40%@2026-06-30 | >=80%@2026-12-31", "Trung tâm PVHCC"],
      ["A.2", "Chính quyền số", "Số lớp bình dân học vụ số", ">=3lớp@2026-06-30 | >=6lớp@2026-12-31", "Phòng VH-XH"],
    ]);
  });
});

describe("text files in other encodings", () => {
  const appendix = "STT\tNội dung chỉ tiêu\tChỉ tiêu năm 2026\n1\tTỷ lệ hộ có cáp quang\t≥ 85%\n2\tTỷ lệ hồ sơ được số hóa\t100%\n";
  it("reads UTF-16 (Excel's Unicode text) and says it converted it", async () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(appendix, "utf16le")]));
    const doc = await readDocument("phu-luc.txt", bytes);
    expect(summary(doc.text).map((r) => r[2])).toEqual(["Tỷ lệ hộ có cáp quang", "Tỷ lệ hồ sơ được số hóa"]);
    expect(doc.notes[0]).toMatch(/UTF-16/);
  });

  it("reads Windows-1258 with its combining tone marks, as NFC", async () => {
    // "Tỷ lệ hộ" in Windows-1258: base letters with combining marks (0xD2 hook, 0xF2 dot below).
    const bytes = new Uint8Array([
      ...Buffer.from("STT\tN"),
      0xf4,
      0xf2,
      "i".charCodeAt(0),
      ...Buffer.from(" dung ch"),
      ...Buffer.from("i"),
      0xec,
      ...Buffer.from("\tCh"),
      ...Buffer.from("i"),
      0xec,
      ...Buffer.from(" ti"),
      0xea,
      ...Buffer.from("u n"),
      0xe3,
      ...Buffer.from("m 2026\n1\tT"),
      ...Buffer.from("y"),
      0xd2,
      ...Buffer.from(" l"),
      0xea,
      0xf2,
      ...Buffer.from("\t80%\n"),
    ]);
    const doc = await readDocument("phu-luc.txt", bytes);
    expect(doc.text).toBe(doc.text.normalize("NFC"));
    expect(doc.text).toContain("Tỷ lệ");
    expect(parsePlan(doc.text).indicators.map((i) => [i.name, i.targets[0]!.value])).toEqual([["Tỷ lệ", 80]]);
    expect(doc.notes[0]).toMatch(/Windows-1258/);
  });
});

describe("files that are not an appendix", () => {
  const refused = async (name: string, bytes: number[] | Uint8Array) =>
    readDocument(name, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).then(
      () => "read",
      (e: Error) => e.message,
    );
  it("refuses images, archives, old Word files, binaries and empty files with a message that says what the file is", async () => {
    expect(await refused("anh-chup.png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])).toMatch(/^Tệp "anh-chup.png" là ảnh/);
    expect(await refused("scan.jpg", [0xff, 0xd8, 0xff, 0xe0, 0, 16])).toMatch(/là ảnh/);
    expect(await refused("ho-so.zip", [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, ...Buffer.from("readme.txt")])).toMatch(/tệp nén/);
    expect(await refused("ke-hoach.doc", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])).toMatch(/đời cũ.*\.docx/);
    expect(await refused("chuong-trinh.exe", [0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0])).toMatch(/không phải văn bản/);
    expect(await refused("rong.txt", [])).toMatch(/tệp rỗng/);
    expect(await refused("hong.docx", [0x50, 0x4b, 0x03, 0x04, ...Buffer.from("word/document.xml"), 1, 2, 3])).toMatch(/Tệp Word "hong.docx" bị hỏng/);
  });
});

describe("chitieu parse on files", () => {
  const io = memoryIo;

  it("reads a .docx (it used to print the zip's bytes as the title)", async () => {
    const bytes = await docx(
      ["KẾ HOẠCH", "Chuyển đổi số xã Đông Hòa năm 2026"],
      [
        ["STT", "Nội dung chỉ tiêu", "Chỉ tiêu năm 2026"],
        ["1", "Tỷ lệ hộ có cáp quang", "90%"],
      ],
    );
    const { cliIo, out } = io({ "ke-hoach.docx": bytes });
    expect(await runCli(["parse", "ke-hoach.docx", "--json"], cliIo)).toBe(0);
    const plan = JSON.parse(out[0]!);
    expect(plan.title).toBe("Kế hoạch Chuyển đổi số xã Đông Hòa năm 2026");
    expect(plan.indicators.map((i: { name: string }) => i.name)).toEqual(["Tỷ lệ hộ có cáp quang"]);
  });

  it("exits non-zero and writes nothing for an image or a file with no appendix", async () => {
    const noAppendix = new TextEncoder().encode("Báo cáo tình hình kinh tế xã hội tháng 10.\nKhông có bảng nào ở đây.\n");
    const { cliIo, out, err, written } = io({ "anh.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), "bao-cao.txt": noAppendix });
    expect(await runCli(["parse", "anh.png"], cliIo)).toBe(1);
    expect(await runCli(["parse", "bao-cao.txt"], cliIo)).toBe(1);
    expect(await runCli(["workbook", "--plan", "bao-cao.txt", "--period", "Quý II/2026", "--out", "so.xlsx"], cliIo)).toBe(1);
    expect(out).toEqual([]);
    expect([...written.keys()]).toEqual([]);
    expect(err.join("\n")).toMatch(/"anh.png" là ảnh/);
    expect(err.join("\n")).toMatch(/Không tìm thấy chỉ tiêu hay nhiệm vụ nào trong "bao-cao.txt"/);
  });
});
