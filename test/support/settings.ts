import { parsePeriod } from "../../src/core/period";
import type { WorkbookSettings } from "../../src/workbook/settings";

/** Report settings for tests: Thống Nhất's Quý II/2026 report made on 05/07/2026, with what a test changes. */
export function testSettings(changes: Partial<Omit<WorkbookSettings, "period">> & { period?: string } = {}): WorkbookSettings {
  const { period = "Quý II/2026", ...rest } = changes;
  const frequency = rest.frequency ?? "quarter";
  return { unit: "UBND xã Thống Nhất", frequency, reportDate: "2026-07-05", warnThreshold: 0.5, planId: null, productVersion: "test", ...rest, period: parsePeriod(period, frequency)! };
}
