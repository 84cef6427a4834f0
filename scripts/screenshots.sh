#!/usr/bin/env bash
# Every screenshot in docs/, made offscreen by the app itself from a throw-away library of the
# starter corpus (the user's own library and settings are never touched).
#   bash scripts/screenshots.sh            # writes docs/screenshot-*.png at 1400x900 and 1024x700
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
KB=$(mktemp -d)/kb
trap 'rm -rf "$(dirname "$KB")"' EXIT
export QT_QPA_PLATFORM=offscreen

"$PY" -m kb --kb "$KB" index data/corpus -q >/dev/null
DOC=$("$PY" -m kb --kb "$KB" docs --json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)[1]["name"])')
"$PY" -m kb --kb "$KB" notes add --doc "$DOC" --quote "数字经济" --occurrence 1 --tag 目标 \
    --comment "总体定位：以数字经济为首位产业" >/dev/null
"$PY" -m kb --kb "$KB" notes add --doc "$DOC" --quote "5G" --occurrence 1 --tag 基础设施 \
    --comment "5G 建设目标" >/dev/null

shot() {  # name, then the app's screenshot options
    local name=$1; shift
    for size in 1400x900 1024x700; do
        "$PY" main.py --kb "$KB" --lang zh --screenshot "docs/screenshot-$name-$size.png" --size "$size" "$@" \
            2> >(grep -v propagateSizeHints >&2)
    done
}

shot library --view library
shot search --query 链主企业
shot search-documents --query 数据中心 --by-document
shot reader --query 5G基站 --view reader --entity-click
shot entity --entity 华为
shot compare --view compare
shot compare-numbers --view compare --tab numbers
shot compare-tools --view compare --tab chart
shot notes --view notes
shot thesaurus --dialog thesaurus --find 补贴
echo "screenshots written to docs/"
