import { STATUSES } from "../core/judge";
import type { ReportPeriod } from "../core/period";
import { buildConfigSheet, CONFIG_SHEET } from "../workbook/configSheet";
import { WORKING_TITLES, judgeFormulas, milestoneTitles } from "../workbook/formulas";
import { META_SCHEMA, metadataSheet } from "../workbook/metaSheet";
import type { WorkbookSettings } from "../workbook/settings";
import { NAMES } from "../workbook/settings";
import type { Cell, SheetOverlay, SheetSpec, WorkbookSpec } from "../workbook/spec";
import { addr, colLetter, dateSerial, rangeAddr } from "../workbook/spec";
import { HEADER_COLOR, HEADER_FILL, STATUS_STYLE } from "../workbook/theme";
import type { Source, TemplateMapping, TemplateRow } from "./recognise";

/**
 * What "Dùng bảng có sẵn" adds to an official's own table: columns right of it whose formulas read their
 * cells (ratio, roadmap progress, status, reason, and hidden working columns), status colours on their
 * rows as conditional formats, "Cấu hình" with the same named cells as the standard workbook, and the
 * mapping in the hidden metadata sheet. Not one of their cells is written.
 */

export const ANNOTATION_KIND = "chitieu-bang-co-san";

/** The added columns, left to right: what a leader reads, then the working columns (hidden). */
export class OutputColumns {
  readonly list: Array<{ key: string; header: string; width: number; hidden: boolean }> = [];
  constructor(
    readonly first: number,
    readonly milestones: number,
  ) {
    const add = (key: string, header: string, width: number, hidden = false) => this.list.push({ key, header, width, hidden });
    // Titles that fit on one line: the official's header row keeps its height, however short.
    add("value", "Giá trị đánh giá", 15);
    add("ratio", "Tỷ lệ đạt", 10);
    add("progress", "Tiến độ lộ trình", 15);
    add("status", "Trạng thái", 15);
    add("reason", "Lý do", 30);
    add("latest", "Kỳ có số liệu gần nhất", 6, true);
    add("baseline", "Mức xuất phát", 6, true);
    for (const [key, title] of milestoneTitles(milestones)) add(key, title, 6, true);
    for (const key of ["m", "opx", "tx", "dx", "bx", "sx", "met", "fx", "expected"] as const) add(key, WORKING_TITLES[key], 6, true);
  }
  col(key: string): number {
    const i = this.list.findIndex((c) => c.key === key);
    if (i < 0) throw new Error(`no column ${key}`);
    return this.first + i;
  }
  /** The titles a leader sees, for messages. */
  get shown(): string {
    return this.list
      .filter((c) => !c.hidden)
      .map((c) => c.header)
      .join(", ");
  }
  get last(): number {
    return this.first + this.list.length - 1;
  }
}

export const outputColumnsOf = (mapping: TemplateMapping): OutputColumns => new OutputColumns(mapping.outputColumn, Math.max(1, ...mapping.rows.map((r) => r.milestones.length)));

/** A cell of the official's read on the sheet's scale: 95 typed for 95% is divided by 100. */
const scaled = (ref: string, row: TemplateRow) => (row.percentEntry === "points" ? `IF(ISNUMBER(${ref}),${ref}/100,${ref})` : ref);

function sourceCell(source: Source, r: number, row: TemplateRow): Cell {
  if ("col" in source) {
    const ref = addr(source.col, r);
    return { f: `IF(ISNUMBER(${ref}),${row.percentEntry === "points" ? `${ref}/100` : ref},"")` };
  }
  return source.value === null ? {} : { v: source.value };
}

/** The value judged for the period: the latest period reported so far, or their sum for a count that adds up. */
function valueFormulas(mapping: TemplateMapping, row: TemplateRow, at: (key: string) => string): { latest: string; value: string } {
  const r = row.row;
  let latest = "0";
  for (const { slot, col } of mapping.slots) latest = `IF(AND(${NAMES.slotsCovered}>=${slot},${addr(col, r)}<>""),${slot},${latest})`;
  const L = at("latest");
  let value: string;
  if (row.cumulative) {
    const terms = mapping.slots.map(({ slot, col }) => `IF(${NAMES.slotsCovered}>=${slot},IF(ISNUMBER(${addr(col, r)}),${scaled(addr(col, r), row)},0),0)`);
    value = `IF(${L}=0,"",${terms.join("+")})`;
  } else {
    let pickSlot = `""`;
    for (const { slot, col } of [...mapping.slots].reverse()) pickSlot = `IF(${L}=${slot},${scaled(addr(col, r), row)},${pickSlot})`;
    value = `IF(${L}=0,"",${pickSlot})`;
  }
  return { latest, value };
}

/** The report period as the table counts it: a table of monthly results reports by month ("Quý II" is "Tháng 6"). */
export function tablePeriod(mapping: Pick<TemplateMapping, "frequency">, period: ReportPeriod): ReportPeriod {
  return mapping.frequency === "month" ? { ...period, choice: `Tháng ${period.endMonth}` } : period;
}

export function describeAnnotation(mapping: TemplateMapping, settings: WorkbookSettings): { spec: WorkbookSpec; columns: OutputColumns } {
  const out = outputColumnsOf(mapping);
  const overlay: SheetOverlay = { sheet: mapping.sheet, cells: [], columns: [], styles: [], merges: [], conditionalFormats: [] };
  const put = (row: number, col: number, cell: Cell) => overlay.cells.push({ row, col, cell });
  const [h1, h2] = mapping.headerRows;

  out.list.forEach((c, k) => {
    const col = out.first + k;
    put(h1, col, { v: c.header });
    if (h2 > h1) overlay.merges.push(rangeAddr(col, h1, col, h2));
    overlay.columns.push({ col, width: c.width, hidden: c.hidden });
  });
  overlay.styles.push({ range: rangeAddr(out.first, h1, out.last, h2), style: { bold: true, fill: HEADER_FILL, color: HEADER_COLOR, wrap: true, vAlign: "middle", hAlign: "center", border: true } });
  if (h1 > 1) {
    put(h1 - 1, out.first, { f: `"Chỉ tiêu số — đánh giá kỳ: "&${NAMES.periodLabel}` });
    overlay.styles.push({ range: addr(out.first, h1 - 1), style: { bold: true, color: HEADER_FILL } });
  }

  for (const row of mapping.rows) {
    const r = row.row;
    const at = (key: string) => (key === "evCheck" ? `""` : addr(out.col(key), r));
    const { latest, value } = valueFormulas(mapping, row, at);
    put(r, out.col("latest"), { f: latest });
    const numberFormat = row.percentEntry ? "0%" : "General";
    put(r, out.col("value"), { f: value, fmt: numberFormat });
    put(r, out.col("baseline"), { ...sourceCell(row.baseline, r, row), fmt: numberFormat });
    row.milestones.forEach((m, k) => {
      const n = k + 1;
      if ("col" in m.source) {
        const ref = addr(m.source.col, r);
        put(r, out.col(`op${n}`), { f: `IF(ISNUMBER(${ref}),"${m.op}","none")` });
      } else put(r, out.col(`op${n}`), { v: m.op });
      put(r, out.col(`t${n}`), { ...sourceCell(m.source, r, row), fmt: m.op === "tăng" || m.op === "giảm" ? "0%" : numberFormat });
      put(r, out.col(`d${n}`), m.deadline ? { v: dateSerial(m.deadline), fmt: "dd/mm/yyyy" } : { fmt: "dd/mm/yyyy" });
    });
    const formatOf: Record<string, string> = { ratio: "0%", progress: "0%", fx: "0%", dx: "dd/mm/yyyy", sx: "dd/mm/yyyy", expected: numberFormat, tx: numberFormat, bx: numberFormat };
    for (const [key, f] of Object.entries(judgeFormulas(at, row.milestones.length))) put(r, out.col(key), formatOf[key] ? { f, fmt: formatOf[key] } : { f });
  }

  const first = mapping.firstRow;
  const last = mapping.lastRow;
  overlay.styles.push({ range: rangeAddr(out.first, first, out.col("reason"), last), style: { vAlign: "top", border: true } });
  overlay.styles.push({ range: rangeAddr(out.col("reason"), first, out.col("reason"), last), style: { wrap: true } });
  overlay.styles.push({ range: rangeAddr(out.col("status"), first, out.col("status"), last), style: { bold: true, hAlign: "center" } });
  // Colours on the official's own rows: rules of the sheet, not formats of their cells.
  const status = `$${colLetter(out.col("status"))}${first}`;
  const coloured = [mapping.columns.find((c) => c.role === "code")?.col, mapping.columns.find((c) => c.role === "name")?.col, out.col("value"), out.col("status")].filter(
    (c): c is number => c !== undefined,
  );
  for (const s of STATUSES) {
    for (const col of coloured) overlay.conditionalFormats.push({ range: rangeAddr(col, first, col, last), formula: `${status}="${s}"`, fill: STATUS_STYLE[s].fill, color: STATUS_STYLE[s].color });
  }

  const period = tablePeriod(mapping, settings.period);
  const config = buildConfigSheet({ ...settings, period, frequency: mapping.frequency }, mapping.title);
  return { spec: { sheets: [config.sheet, annotationMetaSheet(mapping, settings)], names: config.names, title: mapping.title, overlays: [overlay] }, columns: out };
}

/** Text cells hold at most 32,767 characters: the mapping is stored in parts. */
const PART = 30000;

function annotationMetaSheet(mapping: TemplateMapping, settings: WorkbookSettings): SheetSpec {
  const json = JSON.stringify(mapping);
  const rows: Array<[string, string | number]> = [
    ["kind", ANNOTATION_KIND],
    ["schema", META_SCHEMA],
    ["productVersion", settings.productVersion],
    ["planId", settings.planId ?? ""],
    ["planTitle", mapping.title],
    ["sheet", mapping.sheet],
    ["indicators", mapping.rows.length],
  ];
  for (let k = 0; k < json.length; k += PART) rows.push(["mapping", json.slice(k, k + PART)]);
  return metadataSheet(rows);
}

/** The mapping stored in the metadata sheet's values; null when the workbook holds none. */
export function readAnnotationMeta(values: unknown[][]): TemplateMapping | null {
  if (values.find((r) => r?.[0] === "kind")?.[1] !== ANNOTATION_KIND) return null;
  const json = values
    .filter((r) => r?.[0] === "mapping")
    .map((r) => String(r[1] ?? ""))
    .join("");
  try {
    return JSON.parse(json) as TemplateMapping;
  } catch {
    return null;
  }
}

export { CONFIG_SHEET };
