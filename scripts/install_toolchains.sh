#!/usr/bin/env bash
# The toolchains the code verifier runs candidates with, from Debian's packages (as root; apt-get only).
#   bash scripts/install_toolchains.sh javascript cpp     # or: all
# javascript: node (package nodejs); cpp: g++ (package g++). Python needs nothing: the sandbox uses
# the interpreter synthloom runs on. A language whose toolchain is already on PATH is left alone.
set -euo pipefail
declare -A PROGRAM=([javascript]=node [cpp]=g++)
declare -A PACKAGE=([javascript]=nodejs [cpp]=g++)
languages=("$@")
if [ ${#languages[@]} -eq 0 ] || [ "${languages[0]}" = all ]; then languages=(javascript cpp); fi
missing=()
for language in "${languages[@]}"; do
  if [ -z "${PACKAGE[$language]:-}" ]; then
    echo "unknown language '$language'; known: ${!PACKAGE[*]}" >&2
    exit 2
  fi
  command -v "${PROGRAM[$language]}" >/dev/null || missing+=("${PACKAGE[$language]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
for language in "${languages[@]}"; do
  echo "$language: $(command -v "${PROGRAM[$language]}")"
done
