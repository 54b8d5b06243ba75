/**
 * The Excel stand-in the end-to-end tests load in place of Microsoft's office.js: Office.onReady says
 * "Excel", every requirement set is supported, and Excel.run works on an in-memory workbook (the same
 * double the unit tests use), exposed as window.__excel for the test to read and to type into.
 */
import { FakeExcel } from "../support/fakeExcel";

const excel = new FakeExcel();
const w = window as unknown as Record<string, unknown>;
w.__excel = excel;
w.Office = {
  HostType: { Excel: "Excel" },
  onReady: (cb: (info: { host: string; platform: string }) => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    setTimeout(() => cb(info), 0);
    return Promise.resolve(info);
  },
  context: { requirements: { isSetSupported: () => true } },
};
w.Excel = {
  run: async <T>(a: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>), b?: (context: Excel.RequestContext) => Promise<T>) =>
    typeof a === "function" ? a(excel.context()) : b!(excel.context(a)),
};
