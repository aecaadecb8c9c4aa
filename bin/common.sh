# Shared by the bin/ scripts, which set $root (the repository root) and source this file.
#
# Written for bash 3.2, the /bin/bash of macOS: no associative arrays, no {fd} redirections, no
# ${x,,}, no mapfile, no [[ -v ]], and no "${a[@]}" of an array that may be empty (bash before 4.4
# calls that an unbound variable under set -u).

# The Maven build of the shell's and the server's classpaths: only the modules they need (not the
# test suite or the benchmarks, whose dependencies are large), packaged in place (not installed:
# the classpath files point at each module's target/).
readonly build_modules="shell,server"

# True when the classpath file exists and every jar or directory it lists still exists
# (a module cleaned since the file was written leaves it pointing at nothing).
classpath_complete() {
  local file="$1" entry
  local -a entries=()
  [[ -f $file ]] || return 1
  IFS=: read -r -a entries <"$file" || true
  ((${#entries[@]} > 0)) || return 1
  for entry in "${entries[@]}"; do
    [[ -e $entry ]] || return 1
  done
}

# Prints the first source file (a pom, or anything under a module's src/main) modified after
# $1, of the modules the shell and the server are built from; prints nothing when none is.
# Test sources do not count: the scripts run no tests.
source_newer_than() {
  local stamp="$1" dir
  local -a paths=("$root/pom.xml")
  for dir in "$root"/*/; do
    dir="${dir%/}"
    case "${dir##*/}" in
      tck-tests | bench | bench-*) continue ;;
    esac
    if [[ -f $dir/pom.xml ]]; then
      paths+=("$dir/pom.xml")
    fi
    if [[ -d $dir/src/main ]]; then
      paths+=("$dir/src/main")
    fi
  done
  find "${paths[@]}" -type f -newer "$stamp" 2>/dev/null | head -n 1
}

# Why the shell and the server must be built first, or nothing when their build is current.
build_reason() {
  local cp
  for cp in "$root/shell/target/runtime.classpath" "$root/server/target/runtime.classpath"; do
    if ! classpath_complete "$cp" || [[ ! -d $root/jdbc-driver/target/classes ]]; then
      echo "not built yet"
      return
    fi
  done
  local changed
  for cp in "$root/shell/target/runtime.classpath" "$root/server/target/runtime.classpath"; do
    changed="$(source_newer_than "$cp")"
    if [[ -n $changed ]]; then
      echo "${changed#"$root"/} changed since the last build"
      return
    fi
  done
}

# Builds when build_reason says so; $1 names the calling script in messages. SPARKJDBC_BUILD=never
# forbids it: the tests that run bin/sql set it, because a Maven build started from inside a
# Maven build would rewrite the jars the outer one is testing (a partial reactor, such as
# -pl tck-tests -am, leaves the shell's classpath file older than an edited source).
ensure_built() {
  local who="$1" reason
  reason="$(build_reason)"
  [[ -n $reason ]] || return 0
  if [[ ${SPARKJDBC_BUILD:-} == never ]]; then
    if [[ $reason == "not built yet" ]]; then
      echo "$who: the project is not built, and SPARKJDBC_BUILD=never forbids building it" >&2
      exit 1
    fi
    echo "$who: $reason, but SPARKJDBC_BUILD=never: running the existing build" >&2
    return 0
  fi
  run_build "$who" "$reason" -pl "$build_modules" -am
  # Maven rewrites them on every build (mdep.regenerateFile in the root pom); this is for good
  # measure, should a build skip that step.
  touch "$root/shell/target/runtime.classpath" "$root/server/target/runtime.classpath"
}

# Where Maven keeps downloads; the default unless MAVEN_OPTS or settings say otherwise (only used
# to tell a first-time user how much is still to come).
spark_in_local_repository() {
  local repo="$HOME/.m2/repository"
  case "${MAVEN_OPTS:-}" in
    *-Dmaven.repo.local=*)
      repo="${MAVEN_OPTS#*-Dmaven.repo.local=}"
      repo="${repo%% *}"
      ;;
  esac
  [[ -d $repo/org/apache/spark/spark-core_2.13 ]]
}

# run_build WHO REASON MAVEN-ARGS...: a Maven package build without tests, with one progress line
# per module (elapsed time, module, megabytes downloaded so far) instead of Maven's output, which
# goes to a log file. On failure, prints Maven's errors and the log's path, and exits.
run_build() {
  local who="$1" reason="$2"
  shift 2
  local log_dir="$root/target"
  mkdir -p "$log_dir"
  local log="$log_dir/bin-build.log"
  echo "$who: building the project ($reason); Maven's output goes to ${log#"$root"/}" >&2
  if ! spark_in_local_repository; then
    # Measured from an empty local repository on 2026-12-07 (docs/quick-start.md): 550 MB, 5.5
    # minutes on a loaded 2-core machine. Later builds download nothing.
    echo "$who: the first build downloads Spark and the other dependencies once: about 550 MB" \
      "into ~/.m2, and takes about 5 minutes." >&2
  fi
  local status=0
  # -ntp is left out on purpose: its absence makes Maven log each download with its size.
  (cd "$root" && mvn -B -Dstyle.color=never "$@" -DskipTests package) 2>&1 \
    | tee "$log" | awk -f "$root/bin/build-progress.awk" >&2 || status=$?
  if ((status != 0)); then
    echo "$who: the build failed. Maven's errors (or its last lines):" >&2
    if grep -q '^\[ERROR\]' "$log"; then
      grep '^\[ERROR\]' "$log" | head -n 30 >&2
    else
      tail -n 20 "$log" >&2
    fi
    echo "$who: full log: $log" >&2
    exit 1
  fi
}
