#!/usr/bin/env bash
# Clones every repository of repositories.tsv at its pinned commit into DIR/owner+name, with plain git from github.com.
# Needs network; the real-code check itself (dotnet run ... -- --src DIR) never touches the network.
#   tests/SecureStorageAnalyzers.RealCode/fetch.sh DIR
set -euo pipefail
dir="${1:?usage: fetch.sh DIR}"
list="$(dirname "$0")/repositories.tsv"
mkdir -p "$dir"
grep -v '^#' "$list" | tail -n +2 | while IFS=$'\t' read -r repo commit _; do
  [ -n "$repo" ] || continue
  target="$dir/${repo/\//+}"
  if [ -d "$target/.git" ] && [ "$(git -C "$target" rev-parse HEAD 2>/dev/null)" = "$commit" ]; then
    echo "ok       $repo $commit"; continue
  fi
  rm -rf "$target"; mkdir -p "$target"
  git -C "$target" init -q
  git -C "$target" remote add origin "https://github.com/$repo.git"
  # GitHub serves a commit by its id; a full fetch is the fallback for servers that do not.
  if ! git -C "$target" fetch -q --depth 1 origin "$commit" 2>/dev/null; then
    git -C "$target" fetch -q origin
  fi
  git -C "$target" -c advice.detachedHead=false checkout -q "$commit"
  echo "fetched  $repo $commit"
done
