#!/usr/bin/env bash
# Makes the spreadsheet fixtures of tests/io from the flat OpenDocument sources next to this
# script, with LibreOffice Calc (Debian 12: libreoffice-calc-nogui, LibreOffice 7.4), so that the
# readers are tested on files a real spreadsheet saved. Run by hand when a source changes and
# commit the results; tests and CI never run LibreOffice.
#
#   types.fods     -> types.xlsx     every kind of cell: shared strings (one with rich text runs),
#                                    numbers (an ICCID and a long number that lost digits, a
#                                    serial that lost its leading zeros), dates with and without
#                                    a time, booleans, a formula error (#N/A) and a formula
#                                    string result, umlauts, a line break, a blank row, gaps
#   sheets.fods    -> sheets.xlsx    three sheets: "Customers", "Hidden notes" (hidden), "Empty"
#   date1904.fods  -> date1904.xlsx  the 1904 date system (workbookPr date1904)
#   devices.fods   -> devices-semicolon-utf8.csv  ';', UTF-8, text unquoted
#                  -> devices-comma-cp1252.csv    ',', Windows-1252, text quoted
#                  -> devices-tab-utf16.csv       tab, UTF-16 LE with BOM ("Unicode"), quoted
# (LibreOffice 7.4 cannot write a UTF-8 BOM; the readers' BOM cases are built in the tests.)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A profile of its own: never the user's LibreOffice settings.
soffice=(soffice "-env:UserInstallation=file://$work/profile" --headless)

"${soffice[@]}" --convert-to xlsx --outdir "$work" \
    "$here/types.fods" "$here/sheets.fods" "$here/date1904.fods" >/dev/null
for name in types sheets date1904; do
    cp "$work/$name.xlsx" "$here/$name.xlsx"
done

# Text CSV filter options: field separator, text delimiter (34: "), character set (76: UTF-8,
# 1: Windows-1252, 65535: UTF-16), first line, cell formats (none), language (0), quote all
# text cells.
csv() {
    local name=$1 options=$2
    rm -rf "$work/csv" && mkdir "$work/csv"
    "${soffice[@]}" --convert-to "csv:Text - txt - csv (StarCalc):$options" \
        --outdir "$work/csv" "$here/devices.fods" >/dev/null
    cp "$work/csv/devices.csv" "$here/$name"
}
csv devices-semicolon-utf8.csv 59,34,76,1,,0,false
csv devices-comma-cp1252.csv 44,34,1,1,,0,true
csv devices-tab-utf16.csv 9,34,65535,1,,0,true
