# Shared by the bin/ scripts: build once when the build outputs are missing.
ensure_built() {
  if [[ ! -f "$root/server/target/runtime.classpath" || ! -f "$root/shell/target/runtime.classpath" \
        || ! -d "$root/jdbc-driver/target/classes" ]]; then
    echo "Building the project (first run; downloads Spark and its dependencies once)..." >&2
    (cd "$root" && mvn -B -ntp -q install -DskipTests) >&2
  fi
}
