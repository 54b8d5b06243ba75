/** The built-in sample plans ("Kế hoạch mẫu"): the five real documents the product was made from. */
export interface CatalogueEntry {
  id: string;
  /** Vietnamese display name for the task pane and `chitieu plans`. */
  name: string;
  unit: string;
  /** File name under src/catalogue/documents. */
  file: string;
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  { id: "thong-nhat-2026", name: "Kế hoạch chuyển đổi số trong cơ quan nhà nước xã Thống Nhất năm 2026", unit: "UBND xã Thống Nhất", file: "thong-nhat-2026.txt" },
  { id: "ho-nai-dang-uy-2030", name: "Kế hoạch đẩy mạnh chuyển đổi số phường Hồ Nai giai đoạn 2025-2030", unit: "Đảng ủy phường Hồ Nai", file: "ho-nai-dang-uy-2030.txt" },
  { id: "phuoc-binh-2026", name: "Kế hoạch thực hiện Nghị quyết 57 phường Phước Bình năm 2026", unit: "Đảng ủy phường Phước Bình", file: "phuoc-binh-2026.txt" },
  { id: "hoa-cuong-2030", name: "Đề án chuyển đổi số toàn dân phường Hòa Cường giai đoạn 2025-2030", unit: "Đảng ủy phường Hòa Cường", file: "hoa-cuong-2030.txt" },
  { id: "ho-nai-2026", name: "Kế hoạch chuyển đổi số phường Hồ Nai năm 2026", unit: "UBND phường Hồ Nai", file: "ho-nai-2026.txt" },
];

export function findEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.id === id);
}
