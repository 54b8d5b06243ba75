import { nameKey } from "./text/clean";

/**
 * Lead units (đơn vị chủ trì) as appendices write them: "Văn phòng Đảng ủy", "Văn phòng đảng ủy" and
 * "VPĐU" are one office; "Phòng VH-XH" is "Phòng Văn hóa - Xã hội". Names equal after case, tone placement
 * and the usual abbreviations are one unit; a name that only contains another ("Công an" and "Công an
 * phường") is doubtful and shown to a person, never joined silently.
 */

// Abbreviations of Vietnamese administrative bodies, longest first so "VPĐU" is read before "VP".
// Whole words only: JavaScript's \b knows no Vietnamese letters, so the edges are written out.
const abbreviation = (pattern: string, full: string, ignoreCase = false): [RegExp, string] => [new RegExp(`(?<![\\p{L}\\d])(?:${pattern})(?![\\p{L}\\d])`, ignoreCase ? "giu" : "gu"), full];

const ABBREVIATIONS: Array<[RegExp, string]> = [
  abbreviation("VPĐU", "Văn phòng Đảng ủy", true),
  abbreviation("VP\\s*HĐND\\s*(?:và|&|-)\\s*UBND", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", true),
  abbreviation("UBMTTQ(?:VN)?", "Ủy ban Mặt trận Tổ quốc", true),
  abbreviation("MTTQ(?:VN)?", "Mặt trận Tổ quốc", true),
  abbreviation("UBND", "Ủy ban nhân dân", true),
  abbreviation("HĐND", "Hội đồng nhân dân", true),
  abbreviation("ĐU", "Đảng ủy"),
  abbreviation("VP", "Văn phòng"),
  abbreviation("BCH\\s*QS", "Ban Chỉ huy Quân sự", true),
  abbreviation("BCHQS", "Ban Chỉ huy Quân sự", true),
  abbreviation("QS", "Quân sự"),
  abbreviation("CA", "Công an"),
  abbreviation("VH\\s*[-–]?\\s*XH", "Văn hóa - Xã hội", true),
  abbreviation("VHXH", "Văn hóa - Xã hội", true),
  abbreviation("KT", "Kinh tế"),
  abbreviation("TT\\s*PVHCC", "Trung tâm Phục vụ hành chính công", true),
  abbreviation("PVHCC", "Phục vụ hành chính công", true),
  abbreviation("HCC", "hành chính công"),
  abbreviation("TT", "Trung tâm"),
  abbreviation("KH\\s*(?:&|và)\\s*CN", "Khoa học và Công nghệ", true),
];

/** A unit name's identity: abbreviations spelled out, then case, spacing, dashes and tone placement ignored. */
export function leadKey(name: string): string {
  let s = name.normalize("NFC").trim();
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, full);
  return nameKey(s.replace(/[-–—,.;:()]/g, " "));
}

export interface LeadGroups {
  /** One entry per unit: the name shown (the spelling used most) and every spelling met. */
  units: Array<{ name: string; variants: string[] }>;
  /** Pairs a person should confirm: one name inside the other. */
  doubtful: Array<{ a: string; b: string; why: string }>;
}

/** Groups lead-unit names met in a report (one per row, repeats counted) into units. */
export function groupLeadUnits(names: string[]): LeadGroups {
  const byKey = new Map<string, Map<string, number>>();
  for (const raw of names) {
    const n = raw.trim().replace(/\s+/g, " ");
    if (!n) continue;
    const key = leadKey(n);
    const spellings = byKey.get(key) ?? new Map<string, number>();
    spellings.set(n, (spellings.get(n) ?? 0) + 1);
    byKey.set(key, spellings);
  }
  const units = [...byKey.values()].map((spellings) => {
    const variants = [...spellings.keys()];
    // On a tie the fuller spelling, then the one with more capitals ("Đảng ủy" is a proper name).
    const capitals = (s: string) => (s.match(/\p{Lu}/gu) ?? []).length;
    const name = [...spellings].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || capitals(b[0]) - capitals(a[0]) || a[0].localeCompare(b[0], "vi"))[0]![0];
    return { name, variants };
  });
  const keys = [...byKey.keys()];
  const doubtful: LeadGroups["doubtful"] = [];
  keys.forEach((a, i) =>
    keys.forEach((b, j) => {
      if (i === j || a.length >= b.length) return;
      if (` ${b} `.includes(` ${a} `)) doubtful.push({ a: units[i]!.name, b: units[j]!.name, why: `"${units[i]!.name}" nằm trong "${units[j]!.name}": có phải cùng một đơn vị?` });
    }),
  );
  return { units, doubtful };
}

/**
 * Lead units as one sheet cell names them; several may share a cell ("Công an phường; Phòng VH-XH"). A comma
 * does not part them: "Phòng Kinh tế, Hạ tầng và Đô thị" is one office.
 */
export function leadsOf(cell: string): string[] {
  return cell
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
