# Shared by the bin/ scripts: build once when the build outputs are missing.

# True when the classpath file exists and every jar or directory it lists still exists
# (a module cleaned since the file was written leaves it pointing at nothing).
classpath_complete() {
  local file="$1" entry
  local -a entries=()
  [[ -f $file ]] || return 1
  IFS=: read -r -a entries <"$file" || true
  for entry in "${entries[@]}"; do
    [[ -e $entry ]] || return 1
  done
}

# True when a pom changed after the classpath files were written (new dependencies).
poms_newer() {
  local pom
  for pom in "$root"/pom.xml "$root"/*/pom.xml; do
    [[ $pom -nt "$root/shell/target/runtime.classpath" || $pom -nt "$root/server/target/runtime.classpath" ]] && return 0
  done
  return 1
}

ensure_built() {
  if poms_newer || ! classpath_complete "$root/server/target/runtime.classpath" \
      || ! classpath_complete "$root/shell/target/runtime.classpath" \
      || [[ ! -d "$root/jdbc-driver/target/classes" ]]; then
    echo "Building the project (the first run downloads Spark and its dependencies once)..." >&2
    (cd "$root" && mvn -B -ntp -q -Dstyle.color=never install -DskipTests) >&2
    # The dependency plugin leaves an unchanged classpath file untouched: mark it current, or a
    # pom edited once would make every later run build again.
    touch "$root/shell/target/runtime.classpath" "$root/server/target/runtime.classpath"
  fi
}
