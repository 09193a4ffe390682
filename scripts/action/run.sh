#!/usr/bin/env bash
# The CertLint GitHub Action's logic; action.yml only wires inputs to it through environment variables.
#   run.sh prepare        decide source build vs. NuGet tool, and whether .NET must be set up (outputs)
#   run.sh install        build or install the tool; output `command` (an executable or a .dll for `dotnet`)
#   run.sh lint           run certlint --github; outputs, annotations, job summary; records the exit code
#   run.sh html-link      link the uploaded HTML report artifact from the job summary
#   run.sh upload-failed  explain why uploading SARIF failed, and fail
#   run.sh finish         fail the step according to the recorded exit code
# Values are passed as arrays, never through eval, so no input is ever parsed as shell code.
set -euo pipefail

die() { echo "::error title=CertLint action::$*"; exit 2; }

# `name=value` to $GITHUB_OUTPUT; values with a line break use the heredoc form with a delimiter not in the value.
set_output() {
  local name=$1 value=$2 delimiter
  : "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set: run.sh runs inside GitHub Actions or a test that emulates it}"
  if [[ $value == *$'\n'* || $value == *$'\r'* ]]; then
    delimiter="ghadelimiter_${RANDOM}${RANDOM}${RANDOM}"
    while [[ $value == *"$delimiter"* ]]; do delimiter+="_$RANDOM"; done
    printf '%s<<%s\n%s\n%s\n' "$name" "$delimiter" "$value" "$delimiter" >>"$GITHUB_OUTPUT"
  else
    printf '%s=%s\n' "$name" "$value" >>"$GITHUB_OUTPUT"
  fi
}

# Split a multi-line input into the array named $2: one item per line (and per comma when $3 is "comma"),
# trimmed, without blank lines or #-comments.
split_list() {
  local text=$1 item
  local -n into=$2
  into=()
  [[ ${3:-} == comma ]] && text=${text//,/$'\n'}
  while IFS= read -r item || [[ -n $item ]]; do
    item=${item%$'\r'}
    item="${item#"${item%%[![:space:]]*}"}"
    item="${item%"${item##*[![:space:]]}"}"
    [[ -z $item || $item == \#* ]] && continue
    into+=("$item")
  done <<<"$text"
}

# Absolute path: relative ones are relative to the workspace, like every other path a workflow gives.
absolute() {
  case $1 in
    /* | [A-Za-z]:[\\/]*) printf '%s' "$1" ;;
    *) printf '%s/%s' "${GITHUB_WORKSPACE:-$PWD}" "$1" ;;
  esac
}

# True when a .NET SDK matching $1 (e.g. 10.0.x, 10.0.100, 10) is installed.
has_sdk() {
  local prefix=${1%%x*} sdks
  prefix=${prefix%.}
  command -v dotnet >/dev/null 2>&1 || return 1
  sdks=$(dotnet --list-sdks 2>/dev/null) || return 1
  grep -Eq "^${prefix//./\\.}([. ]|$)" <<<"$sdks"
}

# A tag such as v1, v1.2 or 1.2.3 names a tool version; branches and commit SHAs do not.
version_from_ref() {
  local ref=${1#v}
  if [[ $ref =~ ^[0-9]+$ ]]; then printf '%s.*' "$ref"
  elif [[ $ref =~ ^[0-9]+\.[0-9]+$ ]]; then printf '%s.*' "$ref"
  elif [[ $ref =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then printf '%s' "$ref"
  fi
}

cmd_prepare() {
  local version=${INPUT_VERSION:-} mode=tool has_source=false
  [[ -f ${ACTION_PATH:?}/src/CertLint.Cli/CertLint.Cli.csproj ]] && has_source=true
  if [[ $version == source ]]; then
    $has_source || die "version: source, but $ACTION_PATH has no src/CertLint.Cli"
    mode=source version=
  elif [[ -z $version ]]; then
    version=$(version_from_ref "${ACTION_REF:-}")
    # `uses: ./`, a branch or a commit: the source next to this script is the version asked for.
    [[ -z $version ]] && $has_source && mode=source
  fi
  local tool_dir="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:?}}/certlint/${version:-latest}"
  tool_dir=${tool_dir//\*/x}
  set_output mode "$mode"
  set_output version "$version"
  set_output tool-dir "$tool_dir"
  # Only exact versions are cached: a range or "latest" would pin whatever was installed first.
  if [[ $mode == tool && $version =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]]; then
    # Per OS and architecture: on Linux x64 `dotnet tool install` picks the Native AOT package, a native binary.
    set_output cache-key "certlint-${RUNNER_OS:-os}-${RUNNER_ARCH:-arch}-${version}"
  else
    set_output cache-key ""
  fi
  if has_sdk "${INPUT_DOTNET_VERSION:-10.0.x}"; then set_output need-dotnet false; else set_output need-dotnet true; fi
  echo "CertLint: ${mode}${version:+ $version} (action ref '${ACTION_REF:-}')"
}

cmd_install() {
  local mode=${CERTLINT_MODE:?} dir=${CERTLINT_TOOL_DIR:-}
  if [[ $mode == source ]]; then
    local project="${ACTION_PATH:?}/src/CertLint.Cli/CertLint.Cli.csproj"
    # No build servers: they would outlive the step and hold its output open.
    dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly --disable-build-servers >&2
    local dll="${ACTION_PATH}/src/CertLint.Cli/bin/Release/net10.0/certlint.dll"
    [[ -f $dll ]] || die "the build did not produce $dll"
    set_output command "$dll"
    return
  fi
  [[ -n $dir ]] || die "no tool folder"
  local exe="$dir/certlint"
  [[ -f $exe.exe ]] && exe="$exe.exe"
  if [[ ! -f $exe ]]; then
    local args=(tool install CertLint --tool-path "$dir")
    [[ -n ${CERTLINT_VERSION:-} ]] && args+=(--version "$CERTLINT_VERSION")
    dotnet "${args[@]}" >&2
    [[ -f $dir/certlint.exe ]] && exe="$dir/certlint.exe"
  fi
  set_output command "$exe"
}

# A 'true'/'false' input that adds one option to the caller's args when true; anything else stops the step.
bool_option() {
  case ${2:-false} in
    true) args+=("$3") ;;
    false|'') ;;
    *) die "the input $1 must be 'true' or 'false'" ;;
  esac
}

cmd_lint() {
  local command=${CERTLINT_COMMAND:?no certlint command: did the install step run?}
  local runner=("$command")
  [[ $command == *.dll ]] && runner=(dotnet "$command")
  cd "${GITHUB_WORKSPACE:-$PWD}"

  local out_dir sarif junit html summary
  out_dir=$(mktemp -d "${RUNNER_TEMP:?}/certlint.XXXXXX")
  sarif=$(absolute "${INPUT_SARIF_FILE:-$out_dir/certlint.sarif}")
  junit=$(absolute "${INPUT_JUNIT_FILE:-$out_dir/certlint-junit.xml}")
  html=$(absolute "${INPUT_HTML_FILE:-$out_dir/certlint.html}")
  summary="$out_dir/summary.md"
  mkdir -p "$(dirname "$sarif")" "$(dirname "$junit")" "$(dirname "$html")"

  local args=(lint --github --sarif "$sarif" --junit "$junit" --html "$html" --markdown "$summary")
  [[ -n ${INPUT_CONFIG:-} ]] && args+=(--config "$INPUT_CONFIG")
  [[ -n ${INPUT_FAIL_ON:-} ]] && args+=(--fail-on "$INPUT_FAIL_ON")
  [[ -n ${INPUT_NOW:-} ]] && args+=(--now "$INPUT_NOW")
  [[ -n ${INPUT_CATEGORY:-} ]] && args+=(--category "$INPUT_CATEGORY")
  [[ -n ${INPUT_PASSWORD_ENV:-} ]] && args+=(--password-env "$INPUT_PASSWORD_ENV")
  bool_option allow-empty "${INPUT_ALLOW_EMPTY:-}" --allow-empty
  bool_option verbose "${INPUT_VERBOSE:-}" --verbose
  local items item
  split_list "${INPUT_CA:-}" items comma
  for item in ${items[@]+"${items[@]}"}; do args+=(--ca "$item"); done
  split_list "${INPUT_HOSTS:-}" items comma
  for item in ${items[@]+"${items[@]}"}; do args+=(--host "$item"); done
  split_list "${INPUT_MAILBOXES:-}" items comma
  for item in ${items[@]+"${items[@]}"}; do args+=(--mailbox "$item"); done
  # Paths one per line (globs may hold commas); a leading '-' must not read as an option.
  split_list "${INPUT_PATHS:-}" items
  for item in ${items[@]+"${items[@]}"}; do
    [[ $item == -* ]] && item="./$item"
    args+=("$item")
  done

  local rc=0
  "${runner[@]}" "${args[@]}" || rc=$?

  # The job summary is appended to, so whatever earlier steps wrote stays.
  if [[ -s $summary ]]; then
    cat "$summary" >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
  elif (( rc > 1 )); then
    printf '## CertLint\n\nCertLint could not run (exit code %s): see the step log.\n' "$rc" >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
  fi
  # certlint --github sets the outputs when it got as far as a result; otherwise say what is known here.
  if ! grep -q '^exit-code=' "$GITHUB_OUTPUT" 2>/dev/null; then
    set_output exit-code "$rc"
    [[ -f $sarif ]] && set_output sarif-file "$sarif"
    [[ -f $junit ]] && set_output junit-file "$junit"
    [[ -f $html ]] && set_output html-file "$html"
  fi
  [[ -f $html ]] && set_output html-artifact "$(artifact_name)"
  echo "CertLint exit code: $rc"
}

# The HTML artifact's name: the input, else certlint-report[-CATEGORY]; characters artifact names may not hold become '-'.
artifact_name() {
  local name=${INPUT_HTML_ARTIFACT:-}
  if [[ -z $name ]]; then
    name=certlint-report
    [[ -n ${INPUT_CATEGORY:-} ]] && name+="-$INPUT_CATEGORY"
  fi
  name=${name//[$'"\\:<>|*?/\r\n\t ']/-}
  printf '%s' "$name"
}

cmd_html_link() {
  local summary=${GITHUB_STEP_SUMMARY:-/dev/null}
  if [[ -n ${ARTIFACT_URL:-} ]]; then
    printf '\n**HTML report:** [%s](%s): expiry timeline, chain graphs and filterable findings (download the artifact and open %s).\n' \
      "${ARTIFACT_NAME:-certlint-report}" "$ARTIFACT_URL" "$(basename "${HTML_FILE:-certlint.html}")" >>"$summary"
    set_output html-url "$ARTIFACT_URL"
  else
    echo "::warning title=CertLint HTML report::The HTML report was not uploaded as an artifact: see the 'Upload the HTML report' step."
    printf '\nThe HTML report was not uploaded as an artifact: see the step log.\n' >>"$summary"
    set_output html-url ""
  fi
}

cmd_upload_failed() {
  echo "::error title=CertLint SARIF upload failed::Uploading the SARIF report to code scanning failed. The workflow token needs 'permissions: security-events: write' (also 'contents: read', and 'actions: read' in private repositories); code scanning must be available for the repository (GitHub Advanced Security for private ones), and pull requests from forks get a read-only token. Grant the permission, or set 'upload-sarif: false' and keep the report with actions/upload-artifact."
  exit 1
}

cmd_finish() {
  local rc=${CERTLINT_EXIT_CODE:-}
  case $rc in
    0) echo "CertLint: no findings at or above '${INPUT_FAIL_ON:-error}'." ;;
    1) echo "CertLint: ${CERTLINT_FINDINGS:-some} finding(s) at or above '${INPUT_FAIL_ON:-error}'." ;;
    2) echo "CertLint: usage or configuration error (see the lint step's log)." ;;
    '') echo "CertLint: the lint step recorded no exit code."; exit 3 ;;
    *) echo "CertLint: internal error (exit code $rc)." ;;
  esac
  exit "$rc"
}

case ${1:-} in
  prepare) cmd_prepare ;;
  install) cmd_install ;;
  lint) cmd_lint ;;
  html-link) cmd_html_link ;;
  upload-failed) cmd_upload_failed ;;
  finish) cmd_finish ;;
  *) echo "usage: run.sh prepare|install|lint|html-link|upload-failed|finish" >&2; exit 2 ;;
esac
