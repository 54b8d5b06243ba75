import type { Status } from "../core/judge";

/** The status colours of docs/rules.md, used by both renderers, the legend and the task pane. */
export const STATUS_STYLE: Record<Status, { fill: string; color: string; meaning: string }> = {
  Đạt: { fill: "#00B050", color: "#FFFFFF", meaning: "Đã đạt chỉ tiêu (xanh lá)" },
  "Đúng tiến độ": { fill: "#C6EFCE", color: "#006100", meaning: "Chưa đạt nhưng tiến độ từ 100% lộ trình trở lên (xanh nhạt)" },
  "Chậm tiến độ": { fill: "#FFC000", color: "#000000", meaning: "Tiến độ dưới 100% lộ trình nhưng từ ngưỡng cảnh báo trở lên; hoặc chưa đạt, chưa đến hạn (vàng cam)" },
  "Cảnh báo": { fill: "#FF0000", color: "#FFFFFF", meaning: "Dưới ngưỡng cảnh báo của lộ trình, minh chứng không hợp lệ, hoặc giá trị không phải số (đỏ)" },
  "Không đạt": { fill: "#C00000", color: "#FFFFFF", meaning: "Đã đến hạn mà chưa đạt (đỏ sẫm)" },
  "Chưa có số liệu": { fill: "#D9D9D9", color: "#404040", meaning: "Chưa nhập số liệu (xám)" },
};

export const HEADER_FILL = "#1F4E78";
export const HEADER_COLOR = "#FFFFFF";
export const INPUT_FILL = "#FFF9E5";
export const GROUP_FILL = "#DDEBF7";
export const DATA_BAR = "#5B9BD5";
