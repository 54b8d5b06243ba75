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
# The reporting cycle: the written report of the period (first page and the annex), a department's form,
# and the Lịch sử sheet of Hòa Cường's book rolled over to 2027.
node bin/chitieu.js report "$work/so-bao-cao.xlsx" --out "$work/bao-cao.docx"
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/bao-cao.docx" >/dev/null
pdftoppm -r 70 -png "$work/bao-cao.pdf" "$work/bc"
cp "$work/bc-1.png" docs/screenshots/bao-cao-trang-1.png
annex=$(ls "$work"/bc-*.png | sort -V | tail -2 | head -1)
cp "$annex" docs/screenshots/bao-cao-phu-luc.png
mkdir -p "$work/phieu"
node bin/chitieu.js forms "$work/so-bao-cao.xlsx" --out-dir "$work/phieu" >/dev/null
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/phieu/Phieu_Cong-an-xa_Quy-II-2026.xlsx" >/dev/null
pdftoppm -r 90 -f 1 -l 1 -singlefile -png "$work/Phieu_Cong-an-xa_Quy-II-2026.pdf" "$work/phieu-ca"
cp "$work/phieu-ca.png" docs/screenshots/phieu-cong-an.png
printf 'code,value,evidence\nI.1,100,Hợp lệ\nI.2,65,\nII.1,72,\nII.2,55,\nII.3,30,\nI.8,Hoàn thành,\n' > "$work/hoa-cuong.csv"
node bin/chitieu.js workbook --plan hoa-cuong-2030 --results "$work/hoa-cuong.csv" --period "Quý IV/2026" --unit "Đảng ủy phường Hòa Cường" --date 31/12/2026 --out "$work/hc-2026.xlsx" >/dev/null
node bin/chitieu.js rollover "$work/hc-2026.xlsx" --year 2027 --out "$work/hc-2027.xlsx" >/dev/null
npx tsx scripts/history-picture.ts "$work/hc-2027.xlsx" "$work/lich-su.xlsx"
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/lich-su.xlsx" >/dev/null
pdftoppm -r 90 -f 1 -l 1 -singlefile -png "$work/lich-su.pdf" "$work/lich-su"
cp "$work/lich-su.png" docs/screenshots/lich-su.png

# "Dùng bảng có sẵn": an office's own quarter table before and after the columns are added.
npx tsx scripts/template-pictures.ts "$work" "$work/profile"
echo "Đã lưu các ảnh sổ báo cáo, bảng có sẵn và tổng hợp tỉnh vào docs/screenshots/"
