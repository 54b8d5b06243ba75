import type { JudgeSettings } from "../core/judge";
import type { Frequency } from "../core/period";
import { periodChoices } from "../core/period";
import { serialToIso } from "../workbook/spec";
import { configValue, type ConfigKey } from "../workbook/configSheet";
import type { WorkbookSettings } from "../workbook/settings";

/** The report settings as "Cấu hình" holds them (column B, rows 3..12). */
export interface ReportConfig {
  unit: string;
  planTitle: string;
  year: number;
  choice: string;
  reportDate: string;
  warnThreshold: number;
  frequency: Frequency;
}

/** Reads the settings of "Cấu hình" (CONFIG_VALUES) as one column of values. */
export function configFromValues(v: unknown[], today = new Date()): ReportConfig {
  const at = (key: ConfigKey) => configValue(v, key);
  const reportDate = at("reportDate");
  const threshold = at("warnThreshold");
  return {
    unit: String(at("unit") ?? ""),
    planTitle: String(at("planTitle") ?? ""),
    year: Number(at("year")) || today.getFullYear(),
    choice: String(at("choice") ?? ""),
    reportDate: typeof reportDate === "number" ? serialToIso(reportDate) : today.toISOString().slice(0, 10),
    warnThreshold: typeof threshold === "number" ? threshold : 0.5,
    frequency: String(at("frequency") ?? "") === "Theo tháng" ? "month" : "quarter",
  };
}

export function judgeSettingsOf(config: ReportConfig): JudgeSettings {
  const choices = periodChoices(config.frequency);
  const c = choices.find((p) => p.label === config.choice) ?? choices[0]!;
  return { period: { year: config.year, choice: c.label, endMonth: c.endMonth }, frequency: config.frequency, warnThreshold: config.warnThreshold };
}

/** The settings a rebuilt workbook keeps from the one it replaces: unit, period, date, threshold, frequency. */
export function settingsFromConfig(config: ReportConfig, planId: string | null, productVersion: string): WorkbookSettings {
  return { unit: config.unit, period: judgeSettingsOf(config).period, frequency: config.frequency, reportDate: config.reportDate, warnThreshold: config.warnThreshold, planId, productVersion };
}
