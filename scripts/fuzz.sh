#!/usr/bin/env bash
# Runs every libFuzzer target (tests/fuzz) for SECONDS each (default 30), one after the other,
# from its seeds and the corpus earlier runs grew in build/asan/fuzz/corpus, with its
# dictionary, and prints the executions each made. Builds the fuzzers first (scripts/asan-build.sh).
#   scripts/fuzz.sh [SECONDS [TARGET...]]
# An input that crashes a target or breaks one of its checks is saved in build/asan/fuzz/found;
# keep it as tests/fuzz/regressions/<target>/<what it does> (fuzzreplay_<target> replays it in
# every test run) and fix what it found. Exits non-zero when a target found something.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
shift || true
targets=("$@")
(( ${#targets[@]} )) || targets=(httprequestparser sseparser requesttranslation chatstream chatchunk
                             responsesstream configfile websearchturn)

declare -A dictionary=([httprequestparser]=http [sseparser]=sse [requesttranslation]=messages
                       [chatstream]=streams [chatchunk]=streams [responsesstream]=streams [configfile]=config
                       [websearchturn]=streams)
# Longer inputs than these make each execution slower without reaching new code; the recorded
# streams above it are cut short, which the stream translators must handle anyway (the SSE
# parser target feeds every input byte by byte too, so its inputs stay short). The request
# seeds (captured Claude Code requests, up to 61 KB) must stay whole to stay JSON.
declare -A max_len=([httprequestparser]=4096 [sseparser]=2048 [chatstream]=16384 [chatchunk]=4096
                    [responsesstream]=16384 [configfile]=8192
                    [websearchturn]=16384)

scripts/asan-build.sh fuzzers > /dev/null
work=build/asan/fuzz
mkdir -p "$work/found" "$work/logs"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0

failed=()
printf '%-20s %8s %12s %8s %6s %8s\n' target seconds executions exec/s cov corpus
for target in "${targets[@]}"; do
    corpus=$work/corpus/$target
    log=$work/logs/$target.log
    mkdir -p "$corpus"
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
             -dict="tests/fuzz/dictionaries/${dictionary[$target]}.dict"
             -artifact_prefix="$work/found/$target-")
    [[ -n ${max_len[$target]:-} ]] && options+=(-max_len="${max_len[$target]}")
    if ! "build/asan/tests/fuzz/fuzz_$target" "${options[@]}" "$corpus" "tests/fuzz/seeds/$target" > "$log" 2>&1; then
        failed+=("$target")
        echo "fuzz_$target found an input that fails; its report:" >&2
        grep -v '^#' "$log" | tail -40 >&2
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    printf '%-20s %8s %12s %8s %6s %8s\n' "$target" "$seconds" "${runs:-?}" "$(( ${runs:-0} / seconds ))" \
        "${cov:-?}" "$(find "$corpus" -type f | wc -l)"
done
if (( ${#failed[@]} )); then
    echo "Found failing inputs (in $work/found): ${failed[*]}" >&2
    exit 1
fi
