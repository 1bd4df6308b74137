#!/usr/bin/env bash
# The Python package (python/): build its abi3 wheel with maturin, install it in a virtual
# environment, and run its tests, which cross-check it with the release CLI on the fixtures.
# Exits non-zero if anything fails; pytest's closing line is the last it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
root="$PWD"

# The CLI the tests compare with.
cargo build --release -p talkhis-cli

# The binding's own workspace: formatting and lints.
(cd python && cargo fmt --check && cargo clippy --release -- -D warnings)

# A virtual environment of its own (kept between runs; git ignores it).
venv="$root/python/.venv"
python3 -m venv "$venv"
# pandas for the README example that uses it, mypy for stubtest.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check maturin pytest hypothesis pandas mypy

# Build the wheel as a user would, and install it (not the source folder).
rm -rf python/dist
"$venv/bin/maturin" build --release --manifest-path python/Cargo.toml --out python/dist
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall \
    --no-deps python/dist/talkhis-*.whl

# pytest through its entry point, not `python -m pytest`, which would put python/ first on
# sys.path and import the source folder (which has no compiled module) instead of the wheel.
cd python
export TALKHIS_REQUIRE_CLI=1 TALKHIS_CLI="$root/target/release/talkhis"

# The oldest CPython the abi3 wheel supports, when the machine has it (pyenv's, here).
py39="$(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.9*/bin/python3.9 2> /dev/null | tail -1)" || true
if [ -z "$py39" ]; then py39="$(command -v python3.9)" || true; fi
if [ -n "$py39" ] && "$py39" -c "import venv" 2> /dev/null; then
    old="$root/python/.venv39"
    "$py39" -m venv "$old"
    "$old/bin/python" -m pip install --quiet --disable-pip-version-check pytest hypothesis
    "$old/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall \
        --no-deps dist/talkhis-*.whl
    "$old/bin/pytest" -p no:cacheprovider -q tests
fi

"$venv/bin/pytest" -p no:cacheprovider -q tests
