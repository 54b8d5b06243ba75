import { groupLeadUnits, leadKey, leadsOf } from "../../src/core/leadUnits";

describe("lead units as appendices spell them", () => {
  it("takes case, tone placement and the usual abbreviations as one unit", () => {
    expect(leadKey("Văn phòng Đảng ủy")).toBe(leadKey("VPĐU"));
    expect(leadKey("Văn phòng đảng uỷ")).toBe(leadKey("Văn phòng Đảng ủy"));
    expect(leadKey("Phòng VH-XH")).toBe(leadKey("Phòng Văn hóa - Xã hội"));
    expect(leadKey("Phòng VHXH")).toBe(leadKey("Phòng Văn hoá – Xã hội"));
    expect(leadKey("CA phường")).toBe(leadKey("Công an phường"));
    expect(leadKey("UBND phường")).toBe(leadKey("Ủy ban nhân dân phường"));
    expect(leadKey("TT PVHCC")).toBe(leadKey("Trung tâm Phục vụ hành chính công"));
    expect(leadKey("BCH QS phường")).toBe(leadKey("Ban Chỉ huy Quân sự phường"));
  });

  it("keeps different units apart, also when their names share words or differ by one tone", () => {
    expect(leadKey("Phòng Kinh tế")).not.toBe(leadKey("Phòng Văn hóa - Xã hội"));
    expect(leadKey("Trạm Y tế")).not.toBe(leadKey("Trường Tiểu học"));
    expect(leadKey("Ban Tổ chức")).not.toBe(leadKey("Ban Tuyên giáo"));
    // "CA" inside a word is no abbreviation.
    expect(leadKey("Trường CAO ĐẲNG")).not.toContain("công an");
  });

  it("groups a report's leads into units, names each by its most used spelling, and asks about a name inside another", () => {
    const { units, doubtful } = groupLeadUnits([
      "Công an phường",
      "CA phường",
      "Công an phường",
      "Văn phòng Đảng ủy",
      "VPĐU",
      "Văn phòng đảng ủy",
      "Phòng Văn hóa - Xã hội",
      "Phòng Văn hóa - Xã hội phường",
      "",
    ]);
    expect(units).toEqual([
      { name: "Công an phường", variants: ["Công an phường", "CA phường"] },
      { name: "Văn phòng Đảng ủy", variants: ["Văn phòng Đảng ủy", "VPĐU", "Văn phòng đảng ủy"] },
      { name: "Phòng Văn hóa - Xã hội", variants: ["Phòng Văn hóa - Xã hội"] },
      { name: "Phòng Văn hóa - Xã hội phường", variants: ["Phòng Văn hóa - Xã hội phường"] },
    ]);
    expect(doubtful).toEqual([
      { a: "Phòng Văn hóa - Xã hội", b: "Phòng Văn hóa - Xã hội phường", why: '"Phòng Văn hóa - Xã hội" nằm trong "Phòng Văn hóa - Xã hội phường": có phải cùng một đơn vị?' },
    ]);
  });

  it("reads several leads in one cell", () => {
    expect(leadsOf("Công an phường; Phòng VH-XH")).toEqual(["Công an phường", "Phòng VH-XH"]);
    expect(leadsOf("Công an phường\nTrạm Y tế")).toEqual(["Công an phường", "Trạm Y tế"]);
    expect(leadsOf("Phòng Kinh tế, Hạ tầng và Đô thị")).toEqual(["Phòng Kinh tế, Hạ tầng và Đô thị"]);
  });
});
