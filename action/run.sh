#!/usr/bin/env bash
# The GitHub Action's work, kept in a script so tests can run it against a temporary repository.
#
# Environment: JOURNEY_PATHS (space-separated), JOURNEY_FAIL_ON, JOURNEY_BASE (base commit of a
# pull request, empty otherwise), JOURNEY_COMMENT (true to post a sticky PR comment with gh),
# JOURNEY_PR (pull request number), GITHUB_STEP_SUMMARY (file the job summary is appended to).
set -uo pipefail

read -r -a paths <<<"${JOURNEY_PATHS:-.}"
status=0

# Annotations on the changed lines; the exit status decides the step.
journey lint "${paths[@]}" --format github --fail-on "${JOURNEY_FAIL_ON:-error}" || status=$?

if [ -n "${JOURNEY_BASE:-}" ]; then
  report=$(mktemp)
  if journey diff --base "$JOURNEY_BASE" "${paths[@]}" --format markdown >"$report"; then
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
      cat "$report" >>"$GITHUB_STEP_SUMMARY"
    fi
    if [ "${JOURNEY_COMMENT:-false}" = "true" ] && [ -n "${JOURNEY_PR:-}" ]; then
      marker="<!-- journeycli-diff -->"
      body=$(printf '%s\n%s\n' "$marker" "$(cat "$report")")  # journey diff keeps Markdown under GitHub's comment limit
      existing=$(gh api "repos/${GITHUB_REPOSITORY}/issues/${JOURNEY_PR}/comments" --paginate \
        --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)
      if [ -n "$existing" ]; then
        gh api -X PATCH "repos/${GITHUB_REPOSITORY}/issues/comments/${existing}" -f body="$body" >/dev/null
      else
        gh api "repos/${GITHUB_REPOSITORY}/issues/${JOURNEY_PR}/comments" -f body="$body" >/dev/null
      fi
    fi
  else
    echo "journey diff failed; see the messages above" >&2
    status=1
  fi
  rm -f "$report"
fi
exit "$status"
