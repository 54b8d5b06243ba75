/** A synthetic appendix of N indicators in the seed 004 shape, for the sync-count test and the benchmark. */
export function bigAppendix(n: number): string {
  const lines = ["STT\tNội dung chỉ tiêu\tĐơn vị tính\tChỉ tiêu phấn đấu năm 2026\tĐơn vị theo dõi, báo cáo\tĐơn vị phối hợp\tGhi chú"];
  const groups = ["A", "B", "C", "D", "E", "F"];
  const per = Math.ceil(n / groups.length);
  let made = 0;
  for (const g of groups) {
    if (made >= n) break;
    lines.push(`${g}\tNhóm chỉ tiêu ${g}\t\t\t\t\t`);
    for (let k = 1; k <= per && made < n; k++, made++) {
      const target = ["≥ 80%", "100%", "tối đa 2%", "10 buổi/năm", "Đạt", "trên 85%"][made % 6];
      const unit = target!.includes("%") ? "%" : target!.includes("buổi") ? "buổi" : "Đạt";
      lines.push(`${k}.\tTỷ lệ chỉ tiêu thử số ${made + 1} của nhóm ${g}, viết dài như văn bản thật để đo độ rộng dòng\t${unit}\t${target}\tPhòng ${made % 7}\tCác cơ quan, đơn vị thuộc xã\t`);
    }
  }
  return lines.join("\n");
}
