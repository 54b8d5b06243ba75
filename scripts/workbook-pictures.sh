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
echo "Đã lưu docs/screenshots/so-chi-tieu.png và tong-hop.png"
