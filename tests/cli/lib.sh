# Shared by the CLI end-to-end tests (sourced): check counters, JSON checks in Python, exit-code and
# file checks, and runners that capture a command's output. The sourcing script sets SYNCWASM, PYTHON
# and TMP, and may set CHECK_HELPERS: Python lines defining helpers for its check expressions.

failures=0
checks=0
pass() { checks=$((checks + 1)); }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL: $*"; }

# check NAME PYTHON_EXPR FILE: the expression, over `o` (the JSON value in FILE), must be true.
# Always available: b64(text) encodes text as base64; more come from CHECK_HELPERS.
check() {
  local name=$1 expr=$2 file=$3
  if "$PYTHON" -c "import base64, hashlib, json, struct, sys
o = json.load(open(sys.argv[2]))
b64 = lambda s: base64.b64encode(s.encode()).decode()
${CHECK_HELPERS:-}
sys.exit(0 if eval('(' + sys.argv[1] + ')') else 1)" "$expr" "$file" 2>"$TMP/check.err"; then
    pass
  else
    fail "$name: expected $expr; in $file:"
    cat "$file" "$TMP/check.err"
  fi
}

# expect_rc NAME EXPECTED [ACTUAL]: the exit code (default: the last run's $rc) must be EXPECTED.
expect_rc() {
  local actual=${3:-$rc}
  if [ "$actual" -eq "$2" ]; then pass; else fail "$1: exit code $actual, expected $2"; cat "$TMP/out" "$TMP/err" 2>/dev/null; fi
}

# expect_out NAME FILE PATTERN: a line of FILE matches the grep -E PATTERN.
expect_out() {
  if grep -Eq -- "$3" "$2"; then pass; else fail "$1: no line matching '$3' in:"; cat "$2"; fi
}

# same_file NAME FILE COPY: FILE is byte for byte COPY.
same_file() {
  if cmp -s "$2" "$3"; then pass; else fail "$1: $2 changed"; diff "$3" "$2"; fi
}

# sw ARGS...: runs syncwasm; stdout to $TMP/out, stderr to $TMP/err, exit code in $rc.
sw() {
  "$SYNCWASM" "$@" >"$TMP/out" 2>"$TMP/err"
  rc=$?
}
# exec_ ARGS...: sw exec ARGS...
exec_() { sw exec "$@"; }

# summary: prints the counts; the script's exit status is 0 only without failures.
summary() {
  echo "$checks checks, $failures failed"
  [ "$failures" -eq 0 ]
}
