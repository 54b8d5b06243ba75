import { execFileSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { convert, libreOfficeAvailable } from "../support/libreoffice";

/**
 * PDFs made in the test from table documents by LibreOffice Writer (cells centred vertically, a table
 * running over pages, prose beside a table), read by `chitieu parse` as a user runs it.
 */

jest.setTimeout(180000);

const dir = mkdtempSync(join(tmpdir(), "chitieu-pdf-"));
// LibreOffice drops the first paragraph of an HTML body on import: a line to spare goes first.
const html = (body: string) => `<html><head><meta charset="utf-8"><style>td,th{vertical-align:middle;border:1px solid #000}</style></head><body><p>Số: 45/KH-UBND</p>${body}</body></html>`;
const table = (rows: string[][], head: string[]) =>
  `<table cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%"><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead>${rows.map((r) => `<tr>${r.map((c) => (c.startsWith("|") ? `<td colspan="${c.split("|")[1]}"><b>${c.split("|")[2]}</b></td>` : `<td>${c}</td>`)).join("")}</tr>`).join("")}</table>`;

const DOCS: Record<string, string> = {
  "phu-loc": html(
    `<p><b>PHỤ LỤC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026</b></p><p>(Kèm theo Kế hoạch số 45/KH-UBND của UBND xã Phú Lộc)</p>` +
      table(
        [
          ["I", "|4|Chính quyền số"],
          ["1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình trên Cổng dịch vụ công quốc gia", "%", "≥ 80%", "Trung tâm Phục vụ hành chính công xã"],
          ["2", "Tỷ lệ văn bản đi được ký số", "%", "100%", "Văn phòng HĐND và UBND"],
          ["II", "|4|Xã hội số"],
          ["3", "Số lớp tập huấn kỹ năng số cho người dân", "lớp", "Mỗi ấp hai lớp/năm", "Phòng Văn hóa - Xã hội"],
          ["4", "Tỷ lệ người dân trưởng thành có chữ ký số cá nhân", "%", "từ 40% đến 50%", "Công an xã"],
        ],
        ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026", "Cơ quan chủ trì"],
      ),
  ),
  "nhieu-trang": html(
    `<p><b>KẾ HOẠCH</b></p><p><b>Chuyển đổi số phường Long Bình năm 2027</b></p>` +
      table(
        Array.from({ length: 36 }, (_, k) => [
          String(k + 1),
          `Tỷ lệ hồ sơ của lĩnh vực thứ ${k + 1} được số hóa, lưu trữ và khai thác trên hệ thống thông tin giải quyết thủ tục hành chính của phường`,
          "%",
          `${50 + k}%`,
          k % 2 ? "Văn phòng HĐND và UBND phường" : "Trung tâm Phục vụ hành chính công",
        ]),
        ["STT", "Nội dung chỉ tiêu", "ĐVT", "Chỉ tiêu năm 2027", "Đơn vị chủ trì"],
      ),
  ),
  "van-xuoi": html(
    `<p><b>KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ BÌNH LỢI NĂM 2026</b></p><p>2. Mục tiêu cụ thể</p><p>- Tỷ lệ người dân dùng ví điện tử đạt từ 40% trở lên.</p><p>- 100% cán bộ được tập huấn kỹ năng số.</p><p>PHỤ LỤC</p>` +
      table(
        [
          ["1", "Tỷ lệ hộ gia đình có cáp quang", "%", "90%"],
          ["2", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "80%"],
        ],
        ["STT", "Nội dung chỉ tiêu", "ĐVT", "Chỉ tiêu năm 2026"],
      ),
  ),
};

// A valid one-page PDF that draws a box and has no text: what a scanner without OCR produces.
const NO_TEXT_PDF = (() => {
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"];
  const stream = "0 0 1 rg 100 100 300 400 re f";
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, k) => {
    offsets.push(out.length);
    out += `${k + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
})();

function chitieu(...args: string[]): { code: number; out: string; err: string } {
  try {
    const out = execFileSync(join("node_modules", ".bin", "tsx"), [join("test", "support", "cliEntry.ts"), ...args], { encoding: "utf8", stdio: "pipe", timeout: 120000 });
    return { code: 0, out, err: "" };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout, err: err.stderr };
  }
}

const indicators = (out: string) =>
  (JSON.parse(out).indicators as Array<{ id: string; group: string; name: string; lead: string; targets: Array<{ op: string; value: number; upper: number | null; deadline: string }> }>).map((i) => [
    i.id,
    i.group,
    i.name,
    i.targets.map((t) => `${t.op}${t.value}${t.upper ? `..${t.upper}` : ""}@${t.deadline}`).join(" | "),
    i.lead,
  ]);

describe("PDF appendices", () => {
  beforeAll(() => {
    if (!libreOfficeAvailable()) throw new Error("Cần LibreOffice Writer để tạo tệp PDF thử: apt-get install -y libreoffice-writer");
    for (const [name, body] of Object.entries(DOCS)) writeFileSync(join(dir, `${name}.html`), body);
    convert(
      Object.keys(DOCS).map((n) => join(dir, `${n}.html`)),
      "pdf:writer_pdf_Export",
      dir,
    );
    writeFileSync(join(dir, "ban-quet.pdf"), NO_TEXT_PDF, "latin1");
  });

  it("rebuilds a bordered table whose cells are centred vertically", () => {
    const run = chitieu("parse", join(dir, "phu-loc.pdf"), "--json");
    expect(run.code).toBe(0);
    expect(indicators(run.out)).toEqual([
      [
        "I.1",
        "Chính quyền số",
        "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình trên Cổng dịch vụ công quốc gia",
        ">=80@2026-12-31",
        "Trung tâm Phục vụ hành chính công xã",
      ],
      ["I.2", "Chính quyền số", "Tỷ lệ văn bản đi được ký số", ">=100@2026-12-31", "Văn phòng HĐND và UBND"],
      ["II.3", "Xã hội số", "Số lớp tập huấn kỹ năng số cho người dân", ">=2@2026-12-31", "Phòng Văn hóa - Xã hội"],
      ["II.4", "Xã hội số", "Tỷ lệ người dân trưởng thành có chữ ký số cá nhân", ">=40..50@2026-12-31", "Công an xã"],
    ]);
  });

  // With cells centred vertically, the end of a row broken by a page sits under the repeated header, nearer
  // the next row's number than its own: it must still end its own row (row 28 here).
  it("reads a table that runs over pages, with its header repeated and long cells wrapped", () => {
    const run = chitieu("parse", join(dir, "nhieu-trang.pdf"), "--json");
    expect(run.code).toBe(0);
    const rows = indicators(run.out);
    expect(rows).toHaveLength(36);
    rows.forEach((r, k) => {
      expect(r[0]).toBe(String(k + 1));
      expect(r[2]).toBe(`Tỷ lệ hồ sơ của lĩnh vực thứ ${k + 1} được số hóa, lưu trữ và khai thác trên hệ thống thông tin giải quyết thủ tục hành chính của phường`);
      expect(r[3]).toBe(`>=${50 + k}@2027-12-31`);
      expect(r[4]).toBe(k % 2 ? "Văn phòng HĐND và UBND phường" : "Trung tâm Phục vụ hành chính công");
    });
  });

  it("reads the prose objectives beside the table, and the same table copied out of a PDF viewer", () => {
    const run = chitieu("parse", join(dir, "van-xuoi.pdf"), "--json");
    expect(run.code).toBe(0);
    expect(indicators(run.out).map((r) => [r[2], r[3]])).toEqual([
      ["Tỷ lệ hộ gia đình có cáp quang", ">=90@2026-12-31"],
      ["Tỷ lệ hồ sơ trực tuyến toàn trình", ">=80@2026-12-31"],
      ["Tỷ lệ người dân dùng ví điện tử đạt từ 40% trở lên", ">=40@2026-12-31"],
      ["100% cán bộ được tập huấn kỹ năng số", ">=100@2026-12-31"],
    ]);
    const copied = join(dir, "chep-tu-pdf.txt");
    execFileSync("pdftotext", ["-layout", join(dir, "phu-loc.pdf"), copied], { timeout: 60000 });
    const fromText = chitieu("parse", copied, "--json");
    expect(indicators(fromText.out)).toEqual(indicators(chitieu("parse", join(dir, "phu-loc.pdf"), "--json").out));
  });

  it("refuses a scan with no text layer, with a message and a non-zero exit", () => {
    const run = chitieu("parse", join(dir, "ban-quet.pdf"));
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.err).toMatch(/không có lớp chữ \(có thể là bản quét/);
  });
});
