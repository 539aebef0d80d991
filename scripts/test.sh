#!/usr/bin/env bash
# Runs the test layers, each with its runner's own pass/fail summary and its time, and stops at the first
# layer that fails. Installs what is missing first.
#
#   ./scripts/test.sh                 every layer, in the order below
#   ./scripts/test.sh host e2e        only the layers named (any order given is run in the order below)
#   ./scripts/test.sh --list          the layers, one a line
#
# The layers:
#   lint       cargo fmt --check and clippy with warnings as errors, on every crate and target; the engine
#              crate has no web dependency and every tests/*.rs is a test of a crate (check-crates.mjs)
#   host       the engine crate (content, engine: every answer path, invariants, exports, scenarios) and
#              the app's host tests (cargo test -p pyconc-engine -p which-python-concurrency)
#   checker    the code checker and its worker
#   browser    component tests in headless Chromium (wasm-bindgen-test)
#   e2e        the release build (trunk), then Playwright against it: the app in Chromium, the first-load size
#   templates  every distinct template program on the CPython it targets (3.8 ... 3.14) against real
#              services, a covering set on the newest, faults, big files, ruff, the checker over them all,
#              and the forward check on 3.15 (reported, not failing)
#   facts      the content's claims about CPython, demonstrated on every version here (3.8 ... 3.14)
#   measure    measure.py on workloads whose answer is known, on the Pythons it targets
#
# Builds share one cargo target directory outside the clone (CARGO_TARGET_DIR, default
# ~/.cache/pyconc/cargo-target-<toolchain>), as CI caches do: a fresh clone reuses the compiled
# dependencies and rebuilds only its own crates. A clean one gives the same result, slower.
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_LAYERS=(lint host checker browser e2e templates facts measure)
if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${ALL_LAYERS[@]}"
  exit 0
fi
for wanted in "$@"; do
  if [[ ! " ${ALL_LAYERS[*]} " =~ " ${wanted} " ]]; then
    echo "unknown layer: $wanted (the layers: ${ALL_LAYERS[*]})" >&2
    exit 2
  fi
done
WANTED=("$@")
# With no layer named, every layer runs.
DEFAULT_LAYERS=(lint host checker browser e2e templates facts measure)
[ "${#WANTED[@]}" -eq 0 ] && WANTED=("${DEFAULT_LAYERS[@]}")
selected() { [[ " ${WANTED[*]} " =~ " $1 " ]]; }

started_all=$SECONDS
source scripts/setup.sh
toolchain=$(rustc --version | cut -d' ' -f2)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pyconc/cargo-target-$toolchain}"
say "setup took $((SECONDS - started_all)) s; cargo target directory: $CARGO_TARGET_DIR"

TIMES=()
layer_started=0
begin() { say "$1"; layer_started=$SECONDS; }
end() { TIMES+=("$1 $((SECONDS - layer_started)) s"); say "layer $1 passed in $((SECONDS - layer_started)) s"; }
# The Python side (services, CPython 3.8-3.15 and their environments) installs in the background while
# the Rust and browser layers run: it mostly waits on the network and the disk. The first layer that needs
# it waits for it, then sources the script again (quick: everything is there) for its variables.
python_ready=""
python_setup_pid=""
python_setup_log=$(mktemp)
if selected templates || selected facts || selected measure; then
  bash scripts/setup-python.sh > "$python_setup_log" 2>&1 &
  python_setup_pid=$!
fi
python_setup() {
  if [ -z "$python_ready" ]; then
    if [ -n "$python_setup_pid" ]; then
      if ! wait "$python_setup_pid"; then
        cat "$python_setup_log"
        say "installing the Python side failed (above)"
        exit 1
      fi
      cat "$python_setup_log"
    fi
    source scripts/setup-python.sh
    python_ready=1
  fi
}
templates_dir=$(mktemp -d)
trap 'rm -rf "$templates_dir" "$python_setup_log"' EXIT

if selected lint; then
  begin "lint: cargo fmt --check, cargo clippy -D warnings (host, every crate and target)"
  cargo fmt --all --check
  cargo clippy --locked --workspace --all-targets --quiet -- -D warnings
  node scripts/check-crates.mjs
  end lint
fi

if selected host; then
  begin "host tests: cargo test (the engine crate: engine, content, exports, scenarios; the app's host tests)"
  cargo test --locked -p pyconc-engine -p which-python-concurrency
  end host
fi

if selected checker; then
  begin "checker tests: the code checker and its web worker"
  cargo test --locked -p pyconc-checker -p pyconc-checker-worker
  end checker
fi

if selected browser; then
  begin "browser component tests: wasm-bindgen-test in headless Chromium"
  CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test browser
  end browser
fi

if selected e2e; then
  begin "end-to-end: trunk build --release, then Playwright against dist/"
  trunk build --release --skip-version-check
  npx playwright test
  end e2e
fi

if selected templates; then
  python_setup
  begin "templates: every distinct template program, run against real local services"
  cargo run --locked --quiet -p pyconc-engine --bin templates -- "$templates_dir"
  # The code checker must find nothing in the code the app itself recommends.
  cargo run --locked --quiet -p pyconc-checker --bin check-files -- "$templates_dir"
  python3 tests/templates/run.py "$templates_dir" "$PYCONC_VENV"
  end templates
fi

if selected facts; then
  python_setup
  begin "facts: the content's claims, demonstrated on every CPython here"
  (cd "$(mktemp -d)" && "$PYCONC_VENV/bin/python" "$OLDPWD/tests/facts/facts.py")
  end facts
fi

if selected measure && [ -f tests/measure/run.py ]; then
  python_setup
  begin "measure: measure.py on workloads whose answer is known"
  python3 tests/measure/run.py "$PYCONC_VENV"
  end measure
fi

say "seconds per layer: ${TIMES[*]/%/;} total $((SECONDS - started_all)) s"
say "all selected test layers passed"
