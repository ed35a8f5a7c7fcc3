#!/usr/bin/env bash
# Side by side with Taskwarrior 2.6 (Debian's package), every everyday command: the same
# synthetic items loaded into a throwaway TASKDATA and a plantrack database, each pair of
# commands timed with hyperfine in the same run, peak memory (max RSS) measured on one
# more run of each, and a Markdown table printed with the ratio plantrack / Taskwarrior
# (below 1: plantrack is faster) against issue 19's targets (≤ 1/12; import ≤ 1/2).
#
#   scripts/compare-taskwarrior.sh [ITEMS] [RUNS]     # default 10000 items, 10 runs
#
# Commands compared: list, filtered list (department), text search, pinyin search (no
# pinyin in Taskwarrior: the same hits found by their characters), summary, show, set,
# note, milestone add, export, import (into an empty database / data directory each run;
# at most 3 runs). ITEMS=100000 takes some 10 minutes on the 2-core machine (Taskwarrior
# needs 1–5 s a command there); never run it in CI.
#
# Needs taskwarrior, hyperfine and python3. Missing tools are installed with apt-get when
# run as root; otherwise, or when that fails, the script stops with the reason: it never
# skips a command or prints a partial table.
set -euo pipefail
cd "$(dirname "$0")/.."

items="${1:-10000}"
runs="${2:-10}"
seed=42
import_runs=$((runs < 3 ? runs : 3))

fail() { echo "compare-taskwarrior: $*" >&2; exit 1; }

missing=()
command -v task >/dev/null 2>&1 || missing+=(taskwarrior)
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]} (Debian packages)"
  [ "$(id -u)" -eq 0 ] || fail "${missing[*]} not installed, and installing needs root: apt-get install -y ${missing[*]}; nothing was measured"
  apt-get update -qq >/dev/null 2>&1 || fail "apt-get update failed: cannot install ${missing[*]}; nothing was measured"
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
    fail "apt-get install ${missing[*]} failed (no package source reachable?); nothing was measured"
fi
for tool in task hyperfine python3; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is still missing after installing; nothing was measured"
done

work="$(mktemp -d "${TMPDIR:-/tmp}/plantrack-vs-task.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "== work directory $work"

echo "== building (release)"
cargo build --release --locked --bin plantrack 2>&1 | tail -1
cargo bench --locked --no-run --bench datagen 2>&1 | tail -1
plantrack="$PWD/target/release/plantrack"
[ -n "${CARGO_TARGET_DIR:-}" ] && plantrack="$CARGO_TARGET_DIR/release/plantrack"
[ -x "$plantrack" ] || fail "no binary at $plantrack"

echo "== generating $items items (seed $seed)"
datagen() { cargo bench --locked --bench datagen -- "$@" 2>/dev/null; }
datagen taskwarrior "$items" "$seed" >"$work/tasks.json"
db_cached="$(datagen db "$items" "$seed" | tail -1)"
texts="$(datagen texts "$items" "$seed" | tail -1)"
[ -f "$db_cached" ] && [ -d "$texts" ] || fail "the data generator gave no database or texts"
cp "$db_cached" "$work/plantrack.db"
echo "   $(wc -l <"$work/tasks.json") Taskwarrior tasks, $(du -h "$work/tasks.json" | cut -f1)"
echo "   plantrack database: $(du -h "$work/plantrack.db" | cut -f1) (tracked; includes the 5 embedded seed plans)"
echo "   plan texts for import: $(find "$texts" -name '*.txt' | wc -l) files, $(du -sh "$texts" | cut -f1)"

# Taskwarrior: a throwaway data directory, no confirmations, no hooks, no news nag.
export TASKRC="$work/taskrc" TASKDATA="$work/task"
mkdir -p "$TASKDATA"
cat >"$TASKRC" <<EOF
data.location=$TASKDATA
confirmation=no
hooks=off
news.version=2.6.0
EOF
echo "== task import"
start=$(date +%s.%N)
task import "$work/tasks.json" >/dev/null 2>&1
end=$(date +%s.%N)
echo "   $(task count status:pending 2>/dev/null) pending tasks; import took $(python3 -c "print(f'{$end-$start:.2f}')") s; data $(du -sh "$TASKDATA" | cut -f1)"

# plantrack: the copy of the cached database, a fixed user and day; no progress bar.
export PLANTRACK_DB="$work/plantrack.db" PLANTRACK_USER=bench PLANTRACK_TODAY=2026-11-23
export XDG_DATA_HOME="$work/xdg"
dept="省发展改革委"
pt_item="$("$plantrack" list --text 长株潭 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"

# Writes alternate their value so that every run changes something.
cat >"$work/task-modify" <<'EOF'
#!/usr/bin/env bash
f="$TASKDATA/.toggle"; n=$(cat "$f" 2>/dev/null || echo 0); echo $((1 - n)) >"$f"
if [ "$n" = 0 ]; then p=H; else p=L; fi
exec task 1 modify priority:$p >/dev/null 2>&1
EOF
cat >"$work/plantrack-set" <<EOF
#!/usr/bin/env bash
f="$work/.toggle"; n=\$(cat "\$f" 2>/dev/null || echo 0); echo \$((1 - n)) >"\$f"
if [ "\$n" = 0 ]; then p=30; else p=40; fi
exec "$plantrack" set $pt_item --progress \$p >/dev/null
EOF
# Import into an empty data directory / database (emptied before each run).
cat >"$work/task-import" <<EOF
#!/usr/bin/env bash
exec env TASKDATA="$work/task-fresh" task rc.data.location="$work/task-fresh" import "$work/tasks.json" >/dev/null 2>&1
EOF
cat >"$work/plantrack-import" <<EOF
#!/usr/bin/env bash
exec "$plantrack" --db "$work/fresh.db" import --yes "$texts"/*.txt >/dev/null
EOF
chmod +x "$work"/task-modify "$work"/plantrack-set "$work"/task-import "$work"/plantrack-import
fresh_task="rm -rf '$work/task-fresh' && mkdir -p '$work/task-fresh'"
fresh_db="rm -f '$work/fresh.db' '$work/fresh.db-wal' '$work/fresh.db-shm'"

# name | target ratio | taskwarrior command | plantrack command
cases=(
  "list|1/12|task list|$plantrack list"
  "filtered list (department)|1/12|task +$dept list|$plantrack list --dept $dept"
  "text search 长株潭|1/12|task /长株潭/ list|$plantrack list --text 长株潭"
  "pinyin search czt (Taskwarrior: 长株潭)|1/12|task /长株潭/ list|$plantrack list --text czt"
  "summary (by chapter / project)|1/12|task summary|$plantrack summary --by chapter"
  "show one item|1/12|task 1 info|$plantrack show $pt_item"
  "set (one modify)|1/12|$work/task-modify|$work/plantrack-set"
  "note (annotate)|1/12|task 1 annotate 已召开协调会|$plantrack note $pt_item 已召开协调会"
  "milestone add (task add … due: depends:)|1/12|task add 完成可研批复 due:2026-06-30 depends:1|$plantrack milestone add $pt_item --due 2026-06-30 完成可研批复"
  "export (JSON)|1/12|task export|$plantrack export --format json -o -"
  "import (into an empty database)|1/2|$work/task-import|$work/plantrack-import"
)

peak() { # peak resident memory of one run of a command line, in MiB
  python3 - "$@" <<'EOF'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}")
EOF
}

echo "== checking that every plantrack command works"
bash -c "$fresh_db"
for case in "${cases[@]}"; do
  IFS='|' read -r name _ _ pt <<<"$case"
  bash -c "$pt" >/dev/null 2>"$work/check.err" || fail "plantrack failed on \"$name\" ($pt): $(cat "$work/check.err")"
done

i=0
for case in "${cases[@]}"; do
  IFS='|' read -r name target tw pt <<<"$case"
  i=$((i + 1))
  echo "== $name"
  if [[ "$name" == import* ]]; then
    hyperfine --style basic --runs "$import_runs" --ignore-failure \
      --prepare "$fresh_task" --prepare "$fresh_db" \
      --export-json "$work/hf-$i.json" -n taskwarrior "$tw" -n plantrack "$pt" | grep -E "Time|±" || true
    bash -c "$fresh_task"
    tw_peak=$(peak "$tw")
    bash -c "$fresh_db"
    pt_peak=$(peak "$pt")
  else
    # No shell between hyperfine and the command (-N): a 4 ms command is timed as itself.
    hyperfine --style basic -N --warmup 2 --runs "$runs" --ignore-failure \
      --export-json "$work/hf-$i.json" -n taskwarrior "$tw" -n plantrack "$pt" | grep -E "Time|±" || true
    # shellcheck disable=SC2086
    tw_peak=$(peak $tw)
    # shellcheck disable=SC2086
    pt_peak=$(peak $pt)
  fi
  echo "$name|$target|$tw_peak|$pt_peak" >>"$work/peaks"
done

echo
echo "== $items items, $(date +%F), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each (import $import_runs); median wall time / peak RSS of one run"
python3 - "$work" "${#cases[@]}" <<'EOF'
import json, sys
from fractions import Fraction
work, n = sys.argv[1], int(sys.argv[2])
peaks = [l.rstrip("\n").split("|") for l in open(f"{work}/peaks")]
print("| command | Taskwarrior | plantrack | ratio | target | met |")
print("|---|---|---|---|---|---|")
met_all = True
for i in range(1, n + 1):
    results = {r["command"]: r for r in json.load(open(f"{work}/hf-{i}.json"))["results"]}
    tw, pt = results["taskwarrior"]["median"], results["plantrack"]["median"]
    name, target, tw_peak, pt_peak = peaks[i - 1]
    ratio = pt / tw
    met = ratio <= float(Fraction(target))
    met_all &= met
    print(f"| {name} | {tw * 1000:,.0f} ms / {tw_peak} MiB | {pt * 1000:,.0f} ms / {pt_peak} MiB "
          f"| **{ratio:.2f}** | ≤ {target} ({float(Fraction(target)):.3f}) | {'yes' if met else 'no'} |")
print()
print("every ratio within its target" if met_all else "not every ratio is within its target")
EOF
