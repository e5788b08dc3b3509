#!/usr/bin/env bash
# The GitHub Action's work, kept in a script so tests can run it against a temporary repository.
#
# Environment: JOURNEY_PATHS (separated by spaces, or one per line for paths that contain spaces;
# empty means `.`), JOURNEY_FAIL_ON, JOURNEY_BASE (base commit of a pull request, empty otherwise),
# JOURNEY_COMMENT (true to keep a sticky PR comment with gh), JOURNEY_PR (pull request number),
# JOURNEY_SITE (a folder: also build the static site there; empty builds none),
# GITHUB_REPOSITORY, GITHUB_STEP_SUMMARY (file the job summary is appended to).
#
# Whatever `journey diff` says, success or failure, goes to the job summary and (with comment) replaces
# the sticky comment, so a failed run never leaves an earlier run's diff looking current.
set -uo pipefail

if [[ "${JOURNEY_PATHS:-}" == *$'\n'* ]]; then
  mapfile -t paths < <(printf '%s\n' "$JOURNEY_PATHS" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d')
else
  read -r -a paths <<<"${JOURNEY_PATHS:-}"
fi
[ "${#paths[@]}" -gt 0 ] || paths=(.)
status=0

# Annotations on the changed lines; the exit status decides the step.
journey lint "${paths[@]}" --format github --fail-on "${JOURNEY_FAIL_ON:-error}" || status=$?

sticky_comment() {  # $1: the body, after the marker that finds the comment again on the next push
  local marker="<!-- journeycli-diff -->" body existing
  body=$(printf '%s\n%s\n' "$marker" "$1")  # journey diff keeps Markdown under GitHub's comment limit
  existing=$(gh api "repos/${GITHUB_REPOSITORY}/issues/${JOURNEY_PR}/comments" --paginate \
    --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)
  if [ -n "$existing" ]; then
    gh api -X PATCH "repos/${GITHUB_REPOSITORY}/issues/comments/${existing}" -f body="$body" >/dev/null
  else
    gh api "repos/${GITHUB_REPOSITORY}/issues/${JOURNEY_PR}/comments" -f body="$body" >/dev/null
  fi
}

if [ -n "${JOURNEY_BASE:-}" ]; then
  report=$(mktemp)
  errors=$(mktemp)
  full=$(mktemp)  # the whole diff for the job summary; the comment gets diff's shorter, budgeted one
  if journey diff --base "$JOURNEY_BASE" "${paths[@]}" --format markdown --job-summary "$full" >"$report" 2>"$errors"; then
    text=$(cat "$report")
    long=$(cat "$full")
  else
    status=1
    cat "$errors" >&2
    text=$(printf '**Journey diff failed.**\n\n%s\n' "$(cat "$report")")
    long=$(printf '**Journey diff failed.**\n\n%s\n' "$(cat "$full")")
    if [ -s "$errors" ]; then
      text=$(printf '%s\n\n```text\n%s\n```\n' "$text" "$(cat "$errors")")
      long=$(printf '%s\n\n```text\n%s\n```\n' "$long" "$(cat "$errors")")
    fi
  fi
  [ -s "$full" ] || long=$text  # diff stopped before writing it (a usage error)
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    printf '%s\n' "$long" >>"$GITHUB_STEP_SUMMARY"
  fi
  if [ "${JOURNEY_COMMENT:-false}" = "true" ] && [ -n "${JOURNEY_PR:-}" ]; then
    sticky_comment "$text" || status=1
  fi
  rm -f "$report" "$errors" "$full"
fi
# The website, whatever lint found: an invalid map is left out of it (and fails the step), the others are published.
if [ -n "${JOURNEY_SITE:-}" ]; then
  journey site "${paths[@]}" -o "$JOURNEY_SITE" || status=1
fi
exit "$status"
