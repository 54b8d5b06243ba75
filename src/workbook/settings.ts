import type { Frequency, ReportPeriod } from "../core/period";

/** What a report is for: who reports, which period, when. Chosen in the pane or on the command line. */
export interface WorkbookSettings {
  unit: string;
  period: ReportPeriod;
  frequency: Frequency;
  /** ISO date the report is made. */
  reportDate: string;
  /** Warning threshold of the roadmap, 0..1. */
  warnThreshold: number;
  planId: string | null;
  productVersion: string;
  /** Set on a department's form ("Giao phiếu"): whose rows these are, whose book they go back to, by when. */
  form?: FormIdentity;
}

export interface FormIdentity {
  /** The lead unit (đơn vị chủ trì) that fills the form in. */
  department: string;
  /** The unit of the book the form returns to ("UBND phường Hồ Nai"). */
  book: string;
  /** ISO date the form is due back. */
  due: string;
  /** Every spelling of the department's name in the book's lead cells, joined ones included. */
  leads?: string[];
}

/** The named cells on "Cấu hình" that every formula reads; changing them recalculates every status. */
export const NAMES = {
  unit: "CT_DonVi",
  planTitle: "CT_KeHoach",
  year: "CT_NamBaoCao",
  period: "CT_KyBaoCao",
  reportDate: "CT_NgayBaoCao",
  warnThreshold: "CT_NguongCanhBao",
  periodEnd: "CT_CuoiKy",
  slotsCovered: "CT_SoKy",
  periodLabel: "CT_TenKy",
} as const;
