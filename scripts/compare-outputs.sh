#!/usr/bin/env bash
# Byte for byte, what two builds print: every read command of `list`, `summary` and
# `export` (each filter, each format, stdout and files) run by binary BEFORE and binary
# AFTER on copies of the same database, with a fixed user, day and width. Used for issue
# 19 (the reads rewritten for speed must print exactly what they printed before).
#
#   scripts/compare-outputs.sh BEFORE AFTER DB
#
# Exit 0 when every output is identical; otherwise the commands that differ are named.
set -euo pipefail

[ $# -eq 3 ] || { echo "usage: $0 BEFORE AFTER DB" >&2; exit 2; }
before="$1" after="$2" db="$3"
work="$(mktemp -d "${TMPDIR:-/tmp}/plantrack-outputs.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp "$db" "$work/before.db"
cp "$db" "$work/after.db"
export PLANTRACK_USER=王敏 PLANTRACK_TODAY=2026-11-23 COLUMNS=120 XDG_DATA_HOME="$work/xdg"

# A case may start with W=N: the terminal width for it (else 120).
cases=(
  "list"
  "W=80 list"
  "W=200 list"
  "W=250 list --dept 发改"
  "W=60 list --text 长株潭"
  "list --json"
  "list --all"
  "list --text 长株潭"
  "list --text czt"
  "list --text 城市更新 --json"
  "list --dept 省发展改革委"
  "list --dept 发改 --role lead"
  "list --dept 卫生 --role co --json"
  "list --owner 王敏"
  "list --owner 无此人"
  "list --unassigned --status in_progress"
  "list --plan gen-005"
  "list --plan 韶山"
  "list --plan gen-001 --box 3"
  "list --chapter 第七章"
  "list --status done"
  "list --status paused --json"
  "list --light red"
  "list --light yellow --overdue"
  "list --overdue --dept 省人力资源社会保障厅"
  "list --dept 无此单位"
  "summary --by plan"
  "summary --by chapter"
  "summary --by department"
  "summary --by co-department"
  "summary --by owner"
  "summary --by chapter --format csv"
  "summary --by department --format json"
  "summary --by owner --plan gen-005"
  "export --format json -o -"
  "export --format csv -o -"
  "export --format md -o -"
  "export --format json -o - --dept 发改"
  "export --format csv -o - --text 长株潭"
  "export --format md -o - --light red --plan gen-008"
)

differ=0
n=0
for case in "${cases[@]}"; do
  n=$((n + 1))
  cols=120
  args="$case"
  if [[ "$case" == W=* ]]; then cols="${case%% *}"; cols="${cols#W=}"; args="${case#* }"; fi
  # shellcheck disable=SC2086 # the case is words
  COLUMNS=$cols "$before" --db "$work/before.db" $args >"$work/b.out" 2>"$work/b.err" && b=0 || b=$?
  # shellcheck disable=SC2086
  COLUMNS=$cols "$after" --db "$work/after.db" $args >"$work/a.out" 2>"$work/a.err" && a=0 || a=$?
  if [ "$a" != "$b" ] || ! cmp -s "$work/b.out" "$work/a.out" || ! cmp -s "$work/b.err" "$work/a.err"; then
    echo "DIFFERS: $case (exit $b → $a)"
    diff <(head -c 2000 "$work/b.out"; cat "$work/b.err") <(head -c 2000 "$work/a.out"; cat "$work/a.err") | head -10 || true
    differ=$((differ + 1))
  else
    echo "same ($(wc -c <"$work/a.out") bytes, exit $a): $case"
  fi
done
# Files written by export: the workbook's cells and the CSV file.
for fmt in xlsx csv md json; do
  n=$((n + 1))
  "$before" --db "$work/before.db" export -o "$work/b.$fmt" >/dev/null
  "$after" --db "$work/after.db" export -o "$work/a.$fmt" >/dev/null
  if [ "$fmt" = xlsx ]; then
    # The workbook is a zip with timestamps: compare its sheets' XML.
    mkdir -p "$work/bx" "$work/ax"
    (cd "$work/bx" && unzip -qo "$work/b.xlsx")
    (cd "$work/ax" && unzip -qo "$work/a.xlsx")
    rm -f "$work"/bx/docProps/core.xml "$work"/ax/docProps/core.xml
    if diff -r "$work/bx" "$work/ax" >/dev/null; then echo "same: export -o x.xlsx (sheets)"; else
      echo "DIFFERS: export -o x.xlsx"; differ=$((differ + 1)); fi
  elif cmp -s "$work/b.$fmt" "$work/a.$fmt"; then
    echo "same: export -o x.$fmt"
  else
    echo "DIFFERS: export -o x.$fmt"; differ=$((differ + 1))
  fi
done
echo "$((n - differ)) of $n outputs identical"
[ "$differ" -eq 0 ]
