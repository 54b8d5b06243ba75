/**
 * The product's only Excel: a stand-in for the part of the Excel JavaScript API the product uses, as
 * strict as Excel where Excel is strict. Operations are queued and run at `context.sync()`, in order;
 * the first one Excel would refuse stops the batch there, with the earlier ones applied and nothing
 * rolled back, and `sync` rejects with Excel's error code. It refuses what Excel refuses: a grid whose
 * shape is not the range's, a sheet or name that exists (names compared without case), a formula, list
 * validation or conditional format naming an undefined name, a write to a locked cell of a protected
 * sheet, a request over 5 MB or a response over 5 MB, a batch while the user edits a cell. `getUsedRange`
 * is the bounding box of cells with a value or a format, as Excel computes it. It counts syncs and API
 * calls, so tests hold the Office.js code to a constant number of round trips.
 */

import { colIndex, colLetter } from "../../src/workbook/spec";

type Grid = Map<string, { formula: string | number | boolean; format: string }>;

export interface FakeSheetState {
  id: string;
  name: string;
  cells: Grid;
  protected: boolean;
  protectionOptions: Record<string, unknown> | null;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  unlocked: string[];
  conditionalFormats: Array<{ range: string; formula: string; fill: string; color: string; type?: string; lower?: unknown; upper?: unknown }>;
  validations: Array<{ range: string; rule: unknown }>;
  merges: string[];
  charts: Array<{ type: string; source: string; title?: string; position?: [string, string] }>;
  frozen: string | null;
  hiddenColumns: number[];
  hiddenRows: string[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  pageLayout: Record<string, unknown>;
  tabColor: string | null;
}

/** Excel's limit on one request and on one response (Excel on the web). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

const UTF8 = new TextEncoder();

const excelError = (code: string, message: string) => Object.assign(new Error(message), { code, name: "RichApi.Error" });

interface Bounds {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

function boundsOf(address: string): Bounds {
  const [a, b = a] = address.replace(/\$/g, "").split(":");
  if (/^\d+$/.test(a!)) return { c1: 1, r1: Number(a), c2: 16384, r2: Number(b) };
  if (/^[A-Z]+$/.test(a!)) return { c1: colIndex(a!), r1: 1, c2: colIndex(b!), r2: 1048576 };
  const p = (x: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(x);
    if (!m) throw excelError("InvalidArgument", `bad address ${address}`);
    return { c: colIndex(m[1]!), r: Number(m[2]) };
  };
  const tl = p(a!);
  const br = p(b!);
  return { c1: tl.c, r1: tl.r, c2: br.c, r2: br.r };
}

const inside = (inner: Bounds, outer: Bounds) => inner.c1 >= outer.c1 && inner.c2 <= outer.c2 && inner.r1 >= outer.r1 && inner.r2 <= outer.r2;

/** Names a formula uses: our defined names contain an underscore; cell references and functions never do. */
function namesIn(formula: string): string[] {
  const code = formula.replace(/"[^"]*"/g, '""').replace(/'[^']*'!/g, "");
  return [...code.matchAll(/(?<![\w.!$])([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*)(?![\w(!])/g)].map((m) => m[1]!);
}

export class FakeExcel {
  syncs = 0;
  calls = 0;
  /** Bytes sent since the last sync, and the largest request so far. */
  pendingBytes = 0;
  largestRequest = 0;
  sheets: FakeSheetState[] = [];
  /** The sheet and cell the user would see selected. */
  active: string | null = null;
  selected: string | null = null;
  names = new Map<string, string>();
  /** The user is typing in a cell: a batch fails unless it was run with delayForCellEdit. */
  cellEditMode = false;
  /** A test's way to make Excel refuse an operation: a queued operation whose label matches fails with this code (`times` times, once by default). */
  refuse: { label: RegExp; code: string; times?: number } | null = null;
  /** Labels of the operations each sync ran (the failing one included), for tests. */
  ran: string[] = [];
  private queue: Array<{ label: string; run: () => void }> = [];
  private responseBytes = 0;
  private nextId = 1;

  sheet(name: string): FakeSheetState {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  findSheet(name: string): FakeSheetState | undefined {
    return this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
  }

  /** The formula (or constant) Office.js wrote into a cell, e.g. cell("Chỉ tiêu", "A6"). */
  cell(sheet: string, address: string): string | number | boolean | undefined {
    return this.sheet(sheet).cells.get(address)?.formula;
  }

  /** A sheet as the user made it, before the add-in ran (not through the API). */
  addSheet(name: string): FakeSheetState {
    if (this.findSheet(name)) throw excelError("ItemAlreadyExists", `Sheet ${name} exists`);
    const s: FakeSheetState = {
      id: `{sheet-${this.nextId++}}`,
      name,
      cells: new Map(),
      protected: false,
      protectionOptions: null,
      visibility: "Visible",
      unlocked: [],
      conditionalFormats: [],
      validations: [],
      merges: [],
      charts: [],
      frozen: null,
      hiddenColumns: [],
      hiddenRows: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      pageLayout: {},
      tabColor: null,
    };
    this.sheets.push(s);
    return s;
  }

  context(options: { delayForCellEdit?: boolean } = {}): Excel.RequestContext {
    return makeContext(this, options);
  }

  /** Queues an operation to run at the next sync, as Office.js does. */
  enqueue(label: string, run: () => void, payload?: unknown): void {
    this.calls++;
    if (payload !== undefined) this.send(payload);
    this.queue.push({ label, run });
  }

  /** What one operation adds to the request, as UTF-8 (Vietnamese letters take two or three bytes). */
  send(payload: unknown): void {
    this.pendingBytes += UTF8.encode(typeof payload === "string" ? payload : (JSON.stringify(payload) ?? "")).length + 16;
  }

  receive(bytes: number): void {
    this.responseBytes += bytes;
  }

  async sync(options: { delayForCellEdit?: boolean }): Promise<void> {
    this.syncs++;
    const queue = this.queue;
    const sent = this.pendingBytes;
    this.queue = [];
    this.pendingBytes = 0;
    this.responseBytes = 0;
    this.largestRequest = Math.max(this.largestRequest, sent);
    this.ran = [];
    if (sent > PAYLOAD_LIMIT) throw excelError("RequestPayloadSizeLimitExceeded", "request too large");
    if (this.cellEditMode && queue.length) {
      if (!options.delayForCellEdit) throw excelError("InvalidOperationInCellEditMode", "cell edit mode");
      // Excel waits until the user leaves the cell; here the user does so at once.
      this.cellEditMode = false;
    }
    for (const op of queue) {
      this.ran.push(op.label);
      if (this.refuse && this.refuse.label.test(op.label)) {
        const code = this.refuse.code;
        this.refuse.times = (this.refuse.times ?? 1) - 1;
        if (this.refuse.times <= 0) this.refuse = null;
        throw excelError(code, `refused: ${op.label}`);
      }
      op.run();
      if (this.responseBytes > PAYLOAD_LIMIT) throw excelError("ResponsePayloadSizeLimitExceeded", "response too large");
    }
  }

  createSheet(name: string): FakeSheetState {
    if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw excelError("InvalidArgument", `bad sheet name ${name}`);
    return this.addSheet(name);
  }
}

/** Records nested property sets (formats, borders, page layout) as queued operations. */
function recorder(fake: FakeExcel, label: string, onSet: (path: string[], value: unknown) => void, path: string[] = []): unknown {
  return new Proxy(function () {}, {
    get: (_t, prop) => (typeof prop === "symbol" ? undefined : recorder(fake, label, onSet, [...path, String(prop)])),
    set: (_t, prop, value) => {
      fake.enqueue(`${label}.${[...path, String(prop)].join(".")}`, () => onSet([...path, String(prop)], value), [label, path, prop, value]);
      return true;
    },
    apply: (_t, _this, args) => {
      fake.enqueue(`${label}.${path.join(".")}()`, () => onSet([...path, "()"], args), [label, path, args]);
      return recorder(fake, label, onSet, [...path, "()"]);
    },
  });
}

function makeContext(fake: FakeExcel, options: { delayForCellEdit?: boolean }): Excel.RequestContext {
  /** A worksheet as the API hands it out: which sheet it is, known at sync time. */
  const worksheetOf = (resolve: () => FakeSheetState, known?: { name: string; id: string }) => {
    let loaded = known;
    const label = () => `sheet(${loaded?.name ?? "…"})`;
    let protectedLoaded: boolean | undefined;
    const protection = {
      get protected() {
        if (protectedLoaded === undefined) throw new Error("protection.protected not loaded");
        return protectedLoaded;
      },
      load: () =>
        fake.enqueue(`${label()}.protection.load`, () => {
          protectedLoaded = resolve().protected;
        }),
      protect: (opts?: Record<string, unknown>) =>
        fake.enqueue(`${label()}.protect`, () => {
          const s = resolve();
          if (s.protected) throw excelError("InvalidOperation", "already protected");
          s.protected = true;
          s.protectionOptions = opts ?? {};
        }),
      unprotect: () =>
        fake.enqueue(`${label()}.unprotect`, () => {
          const s = resolve();
          if (!s.protected) throw excelError("InvalidOperation", "not protected");
          s.protected = false;
          s.protectionOptions = null;
        }),
    };
    const ws = {
      get name(): string {
        if (!loaded) throw new Error("worksheet name not loaded");
        return loaded.name;
      },
      set name(v: string) {
        fake.enqueue(`${label()}.name=${v}`, () => {
          const s = resolve();
          if (fake.sheets.some((o) => o !== s && o.name.toLowerCase() === v.toLowerCase())) throw excelError("ItemAlreadyExists", "name taken");
          if (v.length > 31) throw excelError("InvalidArgument", "name too long");
          s.name = v;
        });
      },
      get id(): string {
        if (!loaded) throw new Error("worksheet id not loaded");
        return loaded.id;
      },
      protection,
      load: () =>
        fake.enqueue(`${label()}.load`, () => {
          const s = resolve();
          loaded = { name: s.name, id: s.id };
        }),
      getRange: (address: string) => {
        fake.calls++;
        return makeRange(fake, resolve, address);
      },
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => {
        fake.calls++;
        return makeRange(fake, resolve, `${colLetter(col + 1)}${row + 1}:${colLetter(col + cols)}${row + rows}`);
      },
      getUsedRange: (valuesOnly?: boolean) => {
        fake.calls++;
        return makeRange(fake, resolve, () => {
          let b: Bounds | null = null;
          for (const [key, cell] of resolve().cells) {
            if (cell.formula === "" && (valuesOnly || cell.format === "General")) continue;
            const m = /^([A-Z]+)(\d+)$/.exec(key)!;
            const c = colIndex(m[1]!);
            const r = Number(m[2]);
            b = b ? { c1: Math.min(b.c1, c), r1: Math.min(b.r1, r), c2: Math.max(b.c2, c), r2: Math.max(b.r2, r) } : { c1: c, r1: r, c2: c, r2: r };
          }
          return b ? `${colLetter(b.c1)}${b.r1}:${colLetter(b.c2)}${b.r2}` : "A1";
        });
      },
      freezePanes: {
        freezeAt: (range: { address: string }) =>
          fake.enqueue(`${label()}.freezeAt`, () => {
            resolve().frozen = range.address;
          }),
      },
      charts: {
        add: (type: string, source: { address: string }) => {
          const chart: FakeSheetState["charts"][number] = { type, source: "", title: undefined };
          fake.enqueue(`${label()}.charts.add`, () => {
            const s = resolve();
            if (s.protected && !s.protectionOptions?.allowEditObjects) throw excelError("AccessDenied", "protected");
            chart.source = source.address;
            s.charts.push(chart);
          });
          return {
            title: {
              set text(t: string) {
                fake.enqueue(`${label()}.chart.title`, () => {
                  chart.title = t;
                });
              },
            },
            legend: recorder(fake, `${label()}.chart.legend`, () => undefined),
            setPosition: (start: string, end: string) =>
              fake.enqueue(`${label()}.chart.setPosition`, () => {
                chart.position = [start, end];
              }),
          };
        },
      },
      set tabColor(v: string) {
        fake.enqueue(`${label()}.tabColor`, () => {
          resolve().tabColor = v;
        });
      },
      set visibility(v: FakeSheetState["visibility"]) {
        fake.enqueue(`${label()}.visibility=${v}`, () => {
          const s = resolve();
          if (v !== "Visible" && fake.sheets.filter((o) => o !== s && o.visibility === "Visible").length === 0) throw excelError("InvalidOperation", "last visible sheet");
          s.visibility = v;
        });
      },
      pageLayout: recorder(fake, `${label()}.pageLayout`, (path, value) => {
        resolve().pageLayout[path.join(".")] = value;
      }),
      activate: () =>
        fake.enqueue(`${label()}.activate`, () => {
          const s = resolve();
          if (s.visibility !== "Visible") throw excelError("InvalidOperation", "hidden sheet");
          fake.active = s.name;
        }),
      delete: () =>
        fake.enqueue(`${label()}.delete`, () => {
          const s = resolve();
          if (s.visibility === "VeryHidden") throw excelError("InvalidOperation", "a very hidden sheet cannot be deleted");
          if (s.visibility === "Visible" && fake.sheets.filter((o) => o.visibility === "Visible").length === 1) throw excelError("InvalidOperation", "last visible sheet");
          fake.sheets.splice(fake.sheets.indexOf(s), 1);
        }),
    };
    return ws;
  };

  const byName = (name: string) => () => {
    const s = fake.findSheet(name);
    if (!s) throw excelError("ItemNotFound", `no sheet ${name}`);
    return s;
  };

  const worksheets = {
    _items: null as unknown[] | null,
    get items(): unknown[] {
      if (!worksheets._items) throw new Error("worksheets not loaded");
      return worksheets._items;
    },
    load: () =>
      fake.enqueue("worksheets.load", () => {
        worksheets._items = fake.sheets.map((s) => worksheetOf(() => s, { name: s.name, id: s.id }));
        fake.receive(JSON.stringify(fake.sheets.map((s) => [s.name, s.id])).length);
      }),
    add: (name: string) => {
      let created: FakeSheetState | null = null;
      fake.enqueue(`worksheets.add(${name})`, () => {
        created = fake.createSheet(name);
      });
      fake.send(name);
      return worksheetOf(() => {
        if (!created) throw excelError("ItemNotFound", `sheet ${name} was not added`);
        return created;
      });
    },
    getItem: (name: string) => {
      fake.calls++;
      return worksheetOf(byName(name));
    },
    getActiveWorksheet: () => {
      fake.calls++;
      let active: FakeSheetState | undefined;
      const resolveActive = () => {
        active ??= (fake.active ? fake.findSheet(fake.active) : undefined) ?? fake.sheets.find((x) => x.visibility === "Visible");
        if (!active) throw excelError("ItemNotFound", "no active sheet");
        return active;
      };
      return worksheetOf(resolveActive);
    },
    getItemOrNullObject: (name: string) => {
      let found: FakeSheetState | null | undefined;
      fake.enqueue(`worksheets.getItemOrNullObject(${name})`, () => {
        found = fake.findSheet(name) ?? null;
      });
      const ws = worksheetOf(() => {
        if (!found) throw excelError("ItemNotFound", `no sheet ${name}`);
        return found;
      });
      return Object.defineProperty(ws, "isNullObject", {
        get() {
          if (found === undefined) throw new Error("isNullObject read before sync");
          return found === null;
        },
      });
    },
  };

  const names = {
    _items: null as unknown[] | null,
    get items(): unknown[] {
      if (!names._items) throw new Error("names not loaded");
      return names._items;
    },
    load: () =>
      fake.enqueue("names.load", () => {
        names._items = [...fake.names].map(([n, formula]) => ({
          name: n,
          formula,
          delete: () =>
            fake.enqueue(`names.delete(${n})`, () => {
              if (!fake.names.delete(n)) throw excelError("ItemNotFound", `no name ${n}`);
            }),
        }));
      }),
    add: (name: string, reference: string) => {
      fake.send([name, reference]);
      fake.enqueue(`names.add(${name})`, () => {
        if ([...fake.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw excelError("ItemAlreadyExists", "name exists");
        const sheet = /^='([^']+)'!|^=([^'!]+)!/.exec(reference);
        if (sheet && !fake.findSheet((sheet[1] ?? sheet[2])!)) throw excelError("InvalidArgument", `name ${name} refers to a missing sheet`);
        fake.names.set(name, reference);
      });
    },
  };
  return {
    workbook: {
      worksheets,
      names,
      // The user's selection on the active sheet ("Sheet!A4:J12" in fake.selected), or its first cell.
      getSelectedRange: () => {
        fake.calls++;
        const [sheet, address] = fake.selected?.includes("!") ? fake.selected.split("!") : [fake.active ?? fake.sheets[0]?.name, "A1"];
        return makeRange(fake, byName(sheet!), address);
      },
    },
    application: {
      suspendApiCalculationUntilNextSync: () => fake.enqueue("suspendApiCalculation", () => undefined),
      suspendScreenUpdatingUntilNextSync: () => fake.enqueue("suspendScreenUpdating", () => undefined),
    },
    sync: () => fake.sync(options),
  } as unknown as Excel.RequestContext;
}

function makeRange(fake: FakeExcel, sheetOf: () => FakeSheetState, at: string | (() => string)) {
  const addressNow = () => (typeof at === "string" ? at : at());
  const label = (what: string) => `range(${typeof at === "string" ? at : "used"}).${what}`;
  /** Excel refuses a change to locked cells of a protected sheet; unlocked input cells stay writable. */
  const guard = (s: FakeSheetState, b: Bounds, what: string) => {
    if (!s.protected) return;
    if (s.unlocked.some((u) => inside(b, boundsOf(u)))) return;
    throw excelError("AccessDenied", `${what} on a protected sheet: ${s.name}!${addressNow()}`);
  };
  const checkNames = (formula: string) => {
    for (const n of namesIn(formula)) if (![...fake.names.keys()].some((k) => k.toLowerCase() === n.toLowerCase())) throw excelError("InvalidArgument", `undefined name ${n} in ${formula}`);
  };
  const writeGrid = (values: unknown[][], field: "formula" | "format") => {
    fake.send(values);
    fake.enqueue(label(field), () => {
      const s = sheetOf();
      const b = boundsOf(addressNow());
      if (values.length !== b.r2 - b.r1 + 1 || values.some((row) => row.length !== b.c2 - b.c1 + 1))
        throw excelError("InvalidArgument", `grid of ${values.length}×${values[0]?.length} for ${addressNow()}`);
      guard(s, b, field);
      // Formatting is refused on a protected sheet unless its protection allows it, unlocked cells included.
      if (field === "format" && s.protected && !s.protectionOptions?.allowFormatCells) throw excelError("AccessDenied", `number format on a protected sheet: ${s.name}!${addressNow()}`);
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (field === "formula" && typeof v === "string" && v.startsWith("=")) checkNames(v);
          const key = `${colLetter(b.c1 + j)}${b.r1 + i}`;
          const cell = s.cells.get(key) ?? { formula: "", format: "General" };
          if (field === "formula") cell.formula = v as string;
          else cell.format = v as string;
          s.cells.set(key, cell);
        }),
      );
    });
  };
  const readGrid = (field: "value" | "format"): unknown[][] => {
    const s = sheetOf();
    const { c1, r1, c2, r2 } = boundsOf(addressNow());
    const out: unknown[][] = [];
    for (let r = r1; r <= r2; r++) {
      const row: unknown[] = [];
      for (let c = c1; c <= c2; c++) {
        const cell = s.cells.get(`${colLetter(c)}${r}`);
        if (field === "format") row.push(cell?.format ?? "General");
        else {
          const f = cell?.formula ?? "";
          // Excel returns text without its apostrophe prefix; this stand-in does not compute formulas.
          row.push(typeof f === "string" && f.startsWith("'") ? f.slice(1) : f);
        }
      }
      out.push(row);
    }
    fake.receive(JSON.stringify(out).length);
    return out;
  };
  let loaded: { values?: unknown[][]; numberFormat?: unknown[][]; formulas?: unknown[][]; address?: string; rowIndex?: number; columnIndex?: number; rowCount?: number; columnCount?: number } = {};
  const loadedOr = <K extends keyof typeof loaded>(key: K): NonNullable<(typeof loaded)[K]> => {
    if (loaded[key] === undefined) throw new Error(`${key} not loaded`);
    return loaded[key]!;
  };
  const format = recorder(fake, label("format"), (path, value) => {
    const s = sheetOf();
    const b = boundsOf(addressNow());
    const key = path.join(".");
    if (key === "columnWidth") {
      if (s.protected && !s.protectionOptions?.allowFormatColumns) throw excelError("AccessDenied", "column width on a protected sheet");
      for (let c = b.c1; c <= b.c2; c++) s.columnWidths.set(c, value as number);
      return;
    }
    if (key === "rowHeight") {
      if (s.protected && !s.protectionOptions?.allowFormatRows) throw excelError("AccessDenied", "row height on a protected sheet");
      for (let r = b.r1; r <= b.r2; r++) s.rowHeights.set(r, value as number);
      return;
    }
    if (key === "protection.locked") {
      if (s.protected) throw excelError("AccessDenied", "locking cells on a protected sheet");
      if (value === false) s.unlocked.push(addressNow());
      return;
    }
    guard(s, b, `format ${key}`);
  });
  return {
    get address(): string {
      return typeof at === "string" ? at : loadedOr("address");
    },
    get rowIndex(): number {
      return loadedOr("rowIndex");
    },
    get columnIndex(): number {
      return loadedOr("columnIndex");
    },
    get rowCount(): number {
      return loadedOr("rowCount");
    },
    get columnCount(): number {
      return loadedOr("columnCount");
    },
    load: (props: string) =>
      fake.enqueue(label(`load(${props})`), () => {
        loaded = {};
        const address = addressNow();
        const b = boundsOf(address);
        loaded.address = address;
        loaded.rowIndex = b.r1 - 1;
        loaded.columnIndex = b.c1 - 1;
        loaded.rowCount = b.r2 - b.r1 + 1;
        loaded.columnCount = b.c2 - b.c1 + 1;
        if (/values/.test(props)) loaded.values = readGrid("value");
        if (/numberFormat/.test(props)) loaded.numberFormat = readGrid("format");
        // This stand-in computes nothing: a formula cell's value is its formula, as `formulas` gives it.
        if (/formulas/.test(props)) loaded.formulas = readGrid("value");
      }),
    get values(): unknown[][] {
      return loadedOr("values");
    },
    set values(v: unknown[][]) {
      writeGrid(v, "formula");
    },
    get numberFormat(): unknown[][] {
      return loadedOr("numberFormat");
    },
    set numberFormat(v: unknown[][]) {
      writeGrid(v, "format");
    },
    get formulas(): unknown[][] {
      return loadedOr("formulas");
    },
    set formulas(v: unknown[][]) {
      writeGrid(v, "formula");
    },
    select: () =>
      fake.enqueue(label("select"), () => {
        const s = sheetOf();
        if (fake.active !== s.name) throw excelError("InvalidSelection", "select on an inactive sheet");
        fake.selected = `${s.name}!${addressNow()}`;
      }),
    format,
    clear: () =>
      fake.enqueue(label("clear"), () => {
        const s = sheetOf();
        const b = boundsOf(addressNow());
        guard(s, b, "clear");
        for (const key of [...s.cells.keys()]) {
          const m = /^([A-Z]+)(\d+)$/.exec(key)!;
          if (inside({ c1: colIndex(m[1]!), r1: Number(m[2]), c2: colIndex(m[1]!), r2: Number(m[2]) }, b)) s.cells.delete(key);
        }
      }),
    unmerge: () =>
      fake.enqueue(label("unmerge"), () => {
        const s = sheetOf();
        s.merges = s.merges.filter((m) => m !== addressNow());
      }),
    merge: () =>
      fake.enqueue(label("merge"), () => {
        const s = sheetOf();
        guard(s, boundsOf(addressNow()), "merge");
        s.merges.push(addressNow());
      }),
    getEntireColumn: () => {
      fake.calls++;
      const column = () => {
        const { c1, c2 } = boundsOf(addressNow());
        return `${colLetter(c1)}:${colLetter(c2)}`;
      };
      const col = makeRange(fake, sheetOf, column);
      return Object.defineProperty(col, "columnHidden", {
        set(v: boolean) {
          fake.enqueue(label("columnHidden"), () => {
            const s = sheetOf();
            if (s.protected && !s.protectionOptions?.allowFormatColumns) throw excelError("AccessDenied", "hiding a column on a protected sheet");
            if (v) s.hiddenColumns.push(boundsOf(addressNow()).c1);
          });
        },
      });
    },
    set rowHidden(v: boolean) {
      fake.enqueue(label("rowHidden"), () => {
        const s = sheetOf();
        if (s.protected && !s.protectionOptions?.allowFormatRows) throw excelError("AccessDenied", "hiding a row on a protected sheet");
        if (v) s.hiddenRows.push(addressNow());
      });
    },
    dataValidation: {
      set rule(rule: Record<string, Record<string, unknown>>) {
        fake.send(rule);
        fake.enqueue(label("dataValidation.rule"), () => {
          const s = sheetOf();
          if (s.protected) throw excelError("AccessDenied", "validation on a protected sheet");
          const source = rule.list?.source ?? rule.custom?.formula;
          if (typeof source === "string" && source.startsWith("=")) checkNames(source);
          s.validations.push({ range: addressNow(), rule });
        });
      },
      set errorAlert(v: unknown) {
        fake.send(v);
        fake.enqueue(label("dataValidation.errorAlert"), () => undefined);
      },
      set prompt(v: unknown) {
        fake.send(v);
        fake.enqueue(label("dataValidation.prompt"), () => undefined);
      },
    },
    conditionalFormats: {
      _items: null as unknown[] | null,
      get items(): unknown[] {
        if (!this._items) throw new Error("conditionalFormats not loaded");
        return this._items;
      },
      load(this: { _items: unknown[] | null }) {
        fake.enqueue(label("conditionalFormats.load"), () => {
          const s = sheetOf();
          this._items = s.conditionalFormats
            .filter((cf) => cf.range === addressNow())
            .map((cf) => ({
              type: (cf as { type?: string }).type ?? "Custom",
              custom: { rule: { formula: cf.formula } },
              delete: () =>
                fake.enqueue(label("conditionalFormat.delete"), () => {
                  s.conditionalFormats.splice(s.conditionalFormats.indexOf(cf), 1);
                }),
            }));
        });
      },
      add: (type: string) => {
        const record: { range: string; formula: string; fill: string; color: string; type: string; lower?: unknown; upper?: unknown } = { range: "", formula: "", fill: "", color: "", type };
        if (!["Custom", "DataBar", "CellValue", "ColorScale", "IconSet"].includes(type))
          fake.enqueue(label("conditionalFormats.add"), () => {
            throw excelError("InvalidArgument", `conditional format type ${type}`);
          });
        // Excel refuses a data bar's settings on another kind of format, and a bound rule set piece by piece.
        const barOnly = (what: string, apply: () => void) =>
          fake.enqueue(label(`conditionalFormat.dataBar.${what}`), () => {
            if (type !== "DataBar") throw excelError("InvalidArgument", `dataBar on a ${type} format`);
            apply();
          });
        const bound = (v: unknown): { type: string; formula?: string } => {
          const rule = v as { type?: string; formula?: string } | null;
          if (!rule || typeof rule !== "object" || !["Number", "LowestValue", "HighestValue", "Percent", "Formula", "Percentile", "Automatic"].includes(rule.type ?? ""))
            throw excelError("InvalidArgument", "data bar bound rule");
          return { type: rule.type!, formula: rule.formula };
        };
        const dataBar = {
          set lowerBoundRule(v: unknown) {
            barOnly("lowerBoundRule", () => (record.lower = bound(v)));
          },
          set upperBoundRule(v: unknown) {
            barOnly("upperBoundRule", () => (record.upper = bound(v)));
          },
          positiveFormat: {
            set fillColor(c: string) {
              barOnly("fillColor", () => (record.fill = c));
            },
            set gradientFill(_: boolean) {
              barOnly("gradientFill", () => undefined);
            },
          },
        };
        fake.enqueue(label("conditionalFormats.add"), () => {
          const s = sheetOf();
          if (s.protected) throw excelError("AccessDenied", "conditional format on a protected sheet");
          record.range = addressNow();
          s.conditionalFormats.push(record);
        });
        return {
          dataBar,
          custom: {
            rule: {
              set formula(f: string) {
                fake.send(f);
                fake.enqueue(label("conditionalFormat.formula"), () => {
                  checkNames(f);
                  record.formula = f;
                });
              },
            },
            format: {
              fill: {
                set color(c: string) {
                  fake.enqueue(label("conditionalFormat.fill"), () => {
                    record.fill = c;
                  });
                },
              },
              font: {
                set color(c: string) {
                  fake.enqueue(label("conditionalFormat.font"), () => {
                    record.color = c;
                  });
                },
              },
            },
          },
        };
      },
    },
  };
}
