/**
 * A small stand-in for the part of the Excel JavaScript API the product uses. It keeps a workbook in
 * memory (formulas, number formats, rules, names, protection), behaves like Excel where Excel would
 * refuse (a sheet or name that already exists, protecting a protected sheet), and counts
 * context.sync calls and API calls (method calls and property sets), so tests can hold the Office.js
 * code to a constant number of round trips.
 */

import { colIndex, colLetter } from "../../src/workbook/spec";

type Grid = Map<string, { formula: string | number | boolean; format: string }>;

export interface FakeSheetState {
  name: string;
  cells: Grid;
  protected: boolean;
  unlocked: string[];
  conditionalFormats: Array<{ range: string; formula: string; fill: string; color: string }>;
  validations: Array<{ range: string; rule: unknown }>;
  merges: string[];
  charts: Array<{ type: string; source: string; title?: string }>;
  frozen: string | null;
  hiddenColumns: number[];
  hiddenRows: string[];
}

/** Records any nested property set or method call (formats, borders, page layout) as one API call. */
function recorder(counter: { calls: number }, onSet?: (path: string[], value: unknown) => void, path: string[] = []): unknown {
  return new Proxy(function () {}, {
    get: (_t, prop) => (typeof prop === "symbol" ? undefined : recorder(counter, onSet, [...path, String(prop)])),
    set: (_t, prop, value) => {
      counter.calls++;
      onSet?.([...path, String(prop)], value);
      return true;
    },
    apply: () => {
      counter.calls++;
      return recorder(counter, onSet, [...path, "()"]);
    },
  });
}

export class FakeExcel {
  syncs = 0;
  calls = 0;
  /** Bytes of cell data written since the last sync, and the largest request so far. */
  pendingBytes = 0;
  largestRequest = 0;
  sheets: FakeSheetState[] = [];
  /** The sheet and cell the user would see selected. */
  active: string | null = null;
  selected: string | null = null;
  names = new Map<string, string>();
  /** Objects loaded since the last sync, filled in at sync time as Excel would. */
  private pendingLoads: Array<() => void> = [];

  sheet(name: string): FakeSheetState {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The formula (or constant) Office.js wrote into a cell, e.g. cell("Chỉ tiêu", "A6"). */
  cell(sheet: string, address: string): string | number | boolean | undefined {
    return this.sheet(sheet).cells.get(address)?.formula;
  }

  addSheet(name: string): FakeSheetState {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw Object.assign(new Error(`Sheet ${name} exists`), { code: "ItemAlreadyExists" });
    const s: FakeSheetState = { name, cells: new Map(), protected: false, unlocked: [], conditionalFormats: [], validations: [], merges: [], charts: [], frozen: null, hiddenColumns: [], hiddenRows: [] };
    this.sheets.push(s);
    return s;
  }

  context(): Excel.RequestContext {
    return makeContext(this);
  }

  /** Runs the loads queued since the last sync, as Excel fills loaded objects at sync time. */
  flushLoads(): void {
    const loads = this.pendingLoads;
    this.pendingLoads = [];
    for (const l of loads) l();
  }

  queueLoad(fill: () => void): void {
    this.pendingLoads.push(fill);
  }
}

function makeContext(fake: FakeExcel): Excel.RequestContext {
  const count = () => fake.calls++;
  const rangeOf = (state: FakeSheetState, address: string) => makeRange(fake, state, address);
  const worksheetOf = (state: FakeSheetState) => {
    const protection = {
      get protected() {
        return state.protected;
      },
      protect: () => {
        count();
        if (state.protected) throw Object.assign(new Error("already protected"), { code: "InvalidOperation" });
        state.protected = true;
      },
      unprotect: () => {
        count();
        if (!state.protected) throw Object.assign(new Error("not protected"), { code: "InvalidOperation" });
        state.protected = false;
      },
      load: () => count(),
    };
    return {
      get name() {
        return state.name;
      },
      set name(v: string) {
        count();
        if (fake.sheets.some((s) => s !== state && s.name.toLowerCase() === v.toLowerCase())) throw Object.assign(new Error("name taken"), { code: "ItemAlreadyExists" });
        state.name = v;
      },
      protection,
      getRange: (address: string) => {
        count();
        return rangeOf(state, address);
      },
      getUsedRange: () => {
        count();
        let maxR = 1;
        let maxC = 1;
        for (const key of state.cells.keys()) {
          const m = /^([A-Z]+)(\d+)$/.exec(key)!;
          maxR = Math.max(maxR, Number(m[2]));
          maxC = Math.max(maxC, colIndex(m[1]));
        }
        return rangeOf(state, `A1:${colLetter(maxC)}${maxR}`);
      },
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => {
        count();
        return rangeOf(state, `${colLetter(col + 1)}${row + 1}:${colLetter(col + cols)}${row + rows}`);
      },
      freezePanes: {
        freezeAt: (range: { address: string }) => {
          count();
          state.frozen = range.address;
        },
      },
      charts: {
        add: (type: string, source: { address: string }) => {
          count();
          if (state.protected) throw Object.assign(new Error("protected"), { code: "AccessDenied" });
          const chart = { type, source: source.address, title: undefined as string | undefined };
          state.charts.push(chart);
          return {
            title: {
              set text(t: string) {
                count();
                chart.title = t;
              },
            },
            legend: recorder(fake),
            setPosition: () => count(),
          };
        },
      },
      set tabColor(_v: string) {
        count();
      },
      pageLayout: recorder(fake),
      activate: () => {
        count();
        fake.active = state.name;
      },
    };
  };

  const worksheets = {
    items: [] as unknown[],
    load: () => {
      count();
      fake.queueLoad(() => {
        worksheets.items = fake.sheets.map(worksheetOf);
      });
    },
    add: (name: string) => {
      count();
      return worksheetOf(fake.addSheet(name));
    },
    getItem: (name: string) => {
      count();
      return worksheetOf(fake.sheet(name));
    },
    getItemOrNullObject: (name: string) => {
      count();
      const state = fake.sheets.find((s) => s.name === name);
      // Spread would evaluate the worksheet's getters once; keep the live object and mark it instead.
      return state ? Object.assign(worksheetOf(state), { isNullObject: false }) : { isNullObject: true };
    },
  };
  const names = {
    items: [] as unknown[],
    load: () => {
      count();
      fake.queueLoad(() => {
        names.items = [...fake.names.keys()].map((n) => ({
          name: n,
          delete: () => {
            count();
            fake.names.delete(n);
          },
        }));
      });
    },
    add: (name: string, reference: string) => {
      count();
      if ([...fake.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw Object.assign(new Error("name exists"), { code: "ItemAlreadyExists" });
      fake.names.set(name, reference);
    },
  };
  return {
    workbook: { worksheets, names },
    application: { suspendApiCalculationUntilNextSync: () => count(), suspendScreenUpdatingUntilNextSync: () => count() },
    sync: async () => {
      fake.syncs++;
      fake.largestRequest = Math.max(fake.largestRequest, fake.pendingBytes);
      fake.pendingBytes = 0;
      fake.flushLoads();
    },
  } as unknown as Excel.RequestContext;
}

function makeRange(fake: FakeExcel, state: FakeSheetState, address: string) {
  const count = () => fake.calls++;
  const bounds = () => {
    const [a, b = a] = address.split(":");
    const whole = /^(\d+)$/.exec(a);
    if (whole) return { c1: 1, r1: Number(a), c2: 16384, r2: Number(b) };
    const p = (x: string) => {
      const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(x)!;
      return { c: colIndex(m[1]), r: Number(m[2]) };
    };
    const tl = p(a);
    const br = p(b);
    return { c1: tl.c, r1: tl.r, c2: br.c, r2: br.r };
  };
  const writeGrid = (values: unknown[][], field: "formula" | "format") => {
    count();
    fake.pendingBytes += JSON.stringify(values).length;
    // Like Excel: a protected sheet refuses writes (this stand-in does not track unlocked input cells).
    if (state.protected) throw Object.assign(new Error("protected"), { code: "AccessDenied" });
    const { c1, r1 } = bounds();
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const key = `${colLetter(c1 + j)}${r1 + i}`;
        const cell = state.cells.get(key) ?? { formula: "", format: "General" };
        if (field === "formula") cell.formula = v as string;
        else cell.format = v as string;
        state.cells.set(key, cell);
      }),
    );
  };
  const format = recorder(fake, (path, value) => {
    if (path.join(".") === "protection.locked" && value === false) state.unlocked.push(address);
  });
  const readGrid = (field: "value" | "format"): unknown[][] => {
    const { c1, r1, c2, r2 } = bounds();
    const out: unknown[][] = [];
    for (let r = r1; r <= r2; r++) {
      const row: unknown[] = [];
      for (let c = c1; c <= c2; c++) {
        const cell = state.cells.get(`${colLetter(c)}${r}`);
        if (field === "format") row.push(cell?.format ?? "General");
        else {
          const f = cell?.formula ?? "";
          // Excel returns text without its apostrophe prefix; this stand-in does not compute formulas.
          row.push(typeof f === "string" && f.startsWith("'") ? f.slice(1) : f);
        }
      }
      out.push(row);
    }
    return out;
  };
  let loaded: { values?: unknown[][]; numberFormat?: unknown[][]; formulas?: unknown[][] } = {};
  return {
    address,
    load: (props: string) => {
      count();
      fake.queueLoad(() => {
        loaded = {};
        if (/values/.test(props)) loaded.values = readGrid("value");
        if (/numberFormat/.test(props)) loaded.numberFormat = readGrid("format");
        // This stand-in computes nothing: a formula cell's value is its formula, as `formulas` gives it.
        if (/formulas/.test(props)) loaded.formulas = readGrid("value");
      });
    },
    get values(): unknown[][] {
      if (!loaded.values) throw new Error("values not loaded");
      return loaded.values;
    },
    set values(v: unknown[][]) {
      writeGrid(v, "formula");
    },
    get numberFormat(): unknown[][] {
      if (!loaded.numberFormat) throw new Error("numberFormat not loaded");
      return loaded.numberFormat;
    },
    get formulas(): unknown[][] {
      if (!loaded.formulas) throw new Error("formulas not loaded");
      return loaded.formulas;
    },
    set formulas(v: unknown[][]) {
      writeGrid(v, "formula");
    },
    set numberFormat(v: unknown[][]) {
      writeGrid(v, "format");
    },
    select: () => {
      count();
      fake.selected = `${state.name}!${address}`;
    },
    format,
    merge: () => {
      count();
      state.merges.push(address);
    },
    getEntireColumn: () => {
      count();
      const { c1 } = bounds();
      return {
        format: recorder(fake),
        set columnHidden(v: boolean) {
          count();
          if (v) state.hiddenColumns.push(c1);
        },
      };
    },
    set rowHidden(v: boolean) {
      count();
      if (v) state.hiddenRows.push(address);
    },
    dataValidation: {
      set rule(rule: unknown) {
        count();
        state.validations.push({ range: address, rule });
      },
      set errorAlert(_v: unknown) {
        count();
      },
      set prompt(_v: unknown) {
        count();
      },
    },
    conditionalFormats: {
      add: (type: string) => {
        count();
        const record = { range: address, formula: "", fill: "", color: "", type };
        state.conditionalFormats.push(record);
        return {
          custom: {
            rule: {
              set formula(f: string) {
                count();
                record.formula = f;
              },
            },
            format: {
              fill: {
                set color(c: string) {
                  count();
                  record.fill = c;
                },
              },
              font: {
                set color(c: string) {
                  count();
                  record.color = c;
                },
              },
            },
          },
        };
      },
    },
  };
}
