import { layoutText, type PositionedLine } from "../../src/core/loaders/layout";
import { pageLines } from "../../src/documents/pdf";

describe("a PDF line whose letters come from two fonts", () => {
  it("puts the letters of a fallback font back into their words", () => {
    // pdf.js's items for "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết" as LibreOffice prints it in
    // Liberation Serif, which lacks some Vietnamese letters: DejaVu Serif draws those, as a run of its own.
    const items = [
      ["T", 56.8, 7.32],
      ["l", 73.89, 3.32],
      ["h", 87.28, 6.0],
      ["s", 103.67, 4.67],
      ["th", 118.56, 9.3],
      ["t", 138.56, 3.32],
      ["c hành chính đ", 149.64, 70.3],
      ["c ti", 234.83, 15.01],
      ["p nh n, gi i quy", 257.21, 80.98],
      ["t", 345.58, 3.32],
      ["ỷ ệ", 64.1, 20.18],
      ["ồ", 93.28, 7.33],
      ["ơ", 108.27, 7.22],
      ["ủ ụ", 127.86, 21.82],
      ["ượ", 219.93, 14.93],
      ["ế", 249.82, 7.38],
      ["ậ", 278.22, 7.15],
      ["ả", 306.7, 7.15],
      ["ế", 338.19, 7.38],
    ].map(([str, x, width]) => ({ str: str as string, x: x as number, y: 802.29, width: width as number, size: 12 }));
    const [line] = pageLines(items);
    expect(line!.chunks.map((c) => c.text)).toEqual(["Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết"]);
  });

  it("leaves a line in one font as it is", () => {
    const items = [
      { str: "Tỷ lệ hồ sơ", x: 56.8, y: 700, width: 60, size: 12 },
      { str: "Trung tâm Phục vụ", x: 300, y: 700, width: 90, size: 12 },
    ];
    expect(pageLines(items)[0]!.chunks.map((c) => c.text)).toEqual(["Tỷ lệ hồ sơ", "Trung tâm Phục vụ"]);
  });

  it("reads a table whose header cells are centred over numbers written at the left", () => {
    // Chromium's print of a bordered table: "STT" centred in its column, the row numbers at its left edge.
    const line = (y: number, cells: Array<[string, number, number]>): PositionedLine => ({ y, at: 0, chunks: cells.map(([text, x, end]) => ({ text, x, end })) });
    const lines = [
      line(0, [
        ["STT", 16, 37],
        ["Nội dung chỉ tiêu", 153, 238],
        ["Đơn vị tính", 359, 415],
        ["Chỉ tiêu năm 2026", 466, 555],
      ]),
      line(24, [
        ["1", 11, 17],
        ["Tỷ lệ hộ gia đình được phủ cáp quang", 52, 242],
        ["%", 349, 359],
        ["≥ 95%", 435, 467],
      ]),
      line(48, [
        ["2", 11, 17],
        ["Số camera an ninh kết nối trung tâm", 52, 231],
        ["camera", 349, 384],
        ["Không dưới 40 camera", 435, 548],
      ]),
    ].map((l, k) => ({ ...l, at: k }));
    expect(layoutText(lines, 4, 3)).toEqual([
      "STT\tNội dung chỉ tiêu\tĐơn vị tính\tChỉ tiêu năm 2026",
      "1\tTỷ lệ hộ gia đình được phủ cáp quang\t%\t≥ 95%",
      "2\tSố camera an ninh kết nối trung tâm\tcamera\tKhông dưới 40 camera",
    ]);
  });
});
