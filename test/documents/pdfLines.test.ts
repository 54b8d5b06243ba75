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
});
