#!/usr/bin/env bash
# Pictures of a generated report workbook for the README: the CLI writes it, LibreOffice recalculates
# and prints it to PDF (private profile that always recalculates), pdftoppm turns pages into PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
profile="$work/profile/user"
mkdir -p "$profile"
cat > "$profile/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
node bin/chitieu.js workbook --plan thong-nhat-2026 --results examples/ket-qua-thong-nhat-quy-2-2026.csv \
  --period "Quý II/2026" --unit "UBND xã Thống Nhất" --date 05/07/2026 --out "$work/so-bao-cao.xlsx"
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/so-bao-cao.xlsx" >/dev/null
pdftoppm -r 90 -png "$work/so-bao-cao.pdf" "$work/page"
mkdir -p docs/screenshots
cp "$work/page-1.png" docs/screenshots/so-chi-tieu.png
last=$(ls "$work"/page-*.png | sort -V | tail -2 | head -1)
cp "$last" docs/screenshots/tong-hop.png

# The province: three units' reports (one is Phước Bình's differently worded plan), consolidated.
mkdir -p "$work/units"
printf 'code,value,evidence\nA.1,72,Hợp lệ\nC.6,96,Hợp lệ\nC.7,85,Hợp lệ\nB.2,100,Hợp lệ\n' > "$work/gia-tan.csv"
printf 'code,value,evidence\n1.1.1,65,Hợp lệ\n1.5.7,90,Hợp lệ\n1.5.8,40,\n' > "$work/phuoc-binh.csv"
cp "$work/so-bao-cao.xlsx" "$work/units/CDS_UBND-xa-Thong-Nhat.xlsx"
node bin/chitieu.js workbook --plan thong-nhat-2026 --results "$work/gia-tan.csv" --period "Quý II/2026" --unit "UBND xã Gia Tân" --date 04/07/2026 --out "$work/units/CDS_UBND-xa-Gia-Tan.xlsx"
node bin/chitieu.js workbook --plan phuoc-binh-2026 --results "$work/phuoc-binh.csv" --period "Quý II/2026" --unit "UBND phường Phước Bình" --date 08/07/2026 --out "$work/units/CDS_UBND-phuong-Phuoc-Binh.xlsx"
printf 'UBND xã Thống Nhất\nUBND xã Gia Tân\nUBND phường Phước Bình\nUBND xã Xuân Lộc\n' > "$work/don-vi.txt"
node bin/chitieu.js consolidate "$work/units" --units "$work/don-vi.txt" --due 05/07/2026 --out "$work/tong-hop-tinh.xlsx"
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/tong-hop-tinh.xlsx" >/dev/null
pdftoppm -r 90 -f 1 -l 1 -singlefile -png "$work/tong-hop-tinh.pdf" "$work/tinh"
# The matrix runs over several pages; its first page.
pdftoppm -r 160 -f 2 -l 2 -singlefile -png "$work/tong-hop-tinh.pdf" "$work/tinh-m"
cp "$work/tinh.png" docs/screenshots/tinh-tong-hop.png
cp "$work/tinh-m.png" docs/screenshots/tinh-ma-tran.png
# "Dùng bảng có sẵn": an office's own quarter table before and after the columns are added.
npx tsx scripts/template-pictures.ts "$work" "$work/profile"
echo "Đã lưu các ảnh sổ báo cáo, bảng có sẵn và tổng hợp tỉnh vào docs/screenshots/"
