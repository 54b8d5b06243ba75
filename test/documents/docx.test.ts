import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import { docxToText, htmlToText } from "../../src/documents/docx";

const row = (cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: c.split("\n").map((line) => new Paragraph(line)) })) });

describe("opening a Word file", () => {
  it("reads the appendix table of a .docx into indicators", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph("KẾ HOẠCH"),
            new Paragraph("Chuyển đổi số xã Bình Minh năm 2027"),
            new Paragraph("PHỤ LỤC"),
            new Table({
              rows: [
                row(["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu phấn đấu năm 2027", "Đơn vị chủ trì"]),
                row(["A", "Hạ tầng số", "", "", ""]),
                row(["1.", "Tỷ lệ hộ gia đình có cáp quang", "%", "≥ 85%", "Phòng VH-XH"]),
                row(["2.", "Tỷ lệ hồ sơ xử lý\ntrực tuyến toàn trình", "%", "tối thiểu 70%", "Trung tâm PVHCC"]),
                row(["3.", "Số buổi tập huấn kỹ năng số", "buổi", "12 buổi/năm", "Phòng VH-XH"]),
              ],
            }),
          ],
        },
      ],
    });
    const buffer = await Packer.toBuffer(doc);
    const text = await docxToText(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
    const plan = parsePlan(text);
    expect(plan.title).toBe("Kế hoạch Chuyển đổi số xã Bình Minh năm 2027");
    expect(plan.indicators.map((i) => [i.id, i.name, i.targets[0]!.op, i.targets[0]!.value, i.targets[0]!.unit, i.lead])).toEqual([
      ["A.1", "Tỷ lệ hộ gia đình có cáp quang", ">=", 85, "%", "Phòng VH-XH"],
      ["A.2", "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", ">=", 70, "%", "Trung tâm PVHCC"],
      ["A.3", "Số buổi tập huấn kỹ năng số", ">=", 12, "buổi/năm", "Phòng VH-XH"],
    ]);
  });

  it("turns HTML tables into tab-separated rows and lists into bullets", () => {
    expect(htmlToText("<h1>KẾ HOẠCH</h1><table><tr><td><p>1.</p></td><td><p>Tỷ lệ</p><p>A</p></td></tr></table><ul><li>Tỷ lệ B đạt 80%</li></ul>")).toBe(
      "KẾ HOẠCH\n\n1.\tTỷ lệ A\n\n- Tỷ lệ B đạt 80%",
    );
  });
});
