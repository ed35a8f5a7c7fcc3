#!/usr/bin/env bash
# Side by side with Taskwarrior 2.6 (Debian's package): the same synthetic items loaded
# into a throwaway TASKDATA and a plantrack database, then comparable commands timed with
# hyperfine, with ratios (plantrack / Taskwarrior; below 1 means plantrack is faster).
#
#   scripts/compare-taskwarrior.sh [ITEMS] [RUNS]     # default 10000 items, 10 runs
#
# ITEMS=100000 takes a few minutes per Taskwarrior command set (~1.5–2 s a command);
# never run it in CI. Needs root (or the packages already installed) for
# `apt-get install taskwarrior hyperfine`, and python3 for the summary.
set -euo pipefail
cd "$(dirname "$0")/.."

items="${1:-10000}"
runs="${2:-10}"
seed=42

if ! command -v task >/dev/null 2>&1 || ! command -v hyperfine >/dev/null 2>&1; then
  echo "== installing taskwarrior and hyperfine (Debian)"
  if [ "$(id -u)" -ne 0 ]; then
    echo "need root for apt-get install -y taskwarrior hyperfine" >&2
    exit 1
  fi
  apt-get update -qq
  apt-get install -y -qq taskwarrior hyperfine >/dev/null
fi
command -v python3 >/dev/null 2>&1 || { echo "python3 is needed for the summary" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/plantrack-vs-task.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "== work directory $work"

echo "== building (release)"
cargo build --release --locked --bin plantrack 2>&1 | tail -1
cargo bench --locked --no-run --bench datagen 2>&1 | tail -1
plantrack="$PWD/target/release/plantrack"

echo "== generating $items items (seed $seed)"
cargo bench --locked --bench datagen -- taskwarrior "$items" "$seed" 2>/dev/null >"$work/tasks.json"
db_cached="$(cargo bench --locked --bench datagen -- db "$items" "$seed" 2>/dev/null | tail -1)"
cp "$db_cached" "$work/plantrack.db"
echo "   $(wc -l <"$work/tasks.json") Taskwarrior tasks, $(du -h "$work/tasks.json" | cut -f1)"
echo "   plantrack database: $(du -h "$work/plantrack.db" | cut -f1) (tracked; includes the 5 embedded seed plans)"

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

# plantrack: the copy of the cached database, a fixed user and day.
export PLANTRACK_DB="$work/plantrack.db" PLANTRACK_USER=bench PLANTRACK_TODAY=2026-11-23
export XDG_DATA_HOME="$work/xdg"
dept="省发展改革委"
pt_item="$("$plantrack" list --text 长株潭 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"

# One modify per run, alternating values so every run writes.
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
chmod +x "$work/task-modify" "$work/plantrack-set"

# name | taskwarrior command | plantrack command
cases=(
  "list|task list|$plantrack list"
  "filtered list (department)|task +$dept list|$plantrack list --dept $dept"
  "text search 长株潭|task /长株潭/ list|$plantrack list --text 长株潭"
  "summary (by chapter / project)|task summary|$plantrack summary --by chapter"
  "one modify|$work/task-modify|$work/plantrack-set"
  "export (JSON)|task export|$plantrack export --format json -o -"
)

peak() { # peak resident memory of one run, in MiB
  python3 - "$@" <<'EOF'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}")
EOF
}

i=0
for case in "${cases[@]}"; do
  IFS='|' read -r name tw pt <<<"$case"
  i=$((i + 1))
  echo "== $name"
  hyperfine --style basic --warmup 2 --runs "$runs" --ignore-failure \
    --export-json "$work/hf-$i.json" -n taskwarrior "$tw" -n plantrack "$pt" | grep -E "Time|±" || true
  # shellcheck disable=SC2086
  echo "$name|$(peak $tw)|$(peak $pt)" >>"$work/peaks"
done

echo
echo "== $items items, $runs runs each (median wall time; peak RSS of one run)"
python3 - "$work" "${#cases[@]}" <<'EOF'
import json, sys
work, n = sys.argv[1], int(sys.argv[2])
peaks = [l.rstrip("\n").split("|") for l in open(f"{work}/peaks")]
print("| operation | Taskwarrior | plantrack | ratio (plantrack / Taskwarrior) |")
print("|---|---|---|---|")
for i in range(1, n + 1):
    results = {r["command"]: r for r in json.load(open(f"{work}/hf-{i}.json"))["results"]}
    tw, pt = results["taskwarrior"]["median"], results["plantrack"]["median"]
    name, tw_peak, pt_peak = peaks[i - 1]
    print(f"| {name} | {tw * 1000:.0f} ms / {tw_peak} MiB | {pt * 1000:.0f} ms / {pt_peak} MiB | **{pt / tw:.2f}** |")
EOF
