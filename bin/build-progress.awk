# Reads Maven's batch-mode output (bin/common.sh) and prints, instead of it, one line when a
# module starts and one every 15 s while dependencies download: the elapsed time, the module
# and the megabytes downloaded so far. POSIX awk only (macOS, mawk, gawk).

# Seconds since the epoch: srand() seeds from the clock and returns the previous seed.
function now(t) {
  srand()
  t = srand()
  return t
}

function clock(s) {
  s = now() - start
  return sprintf("[%d:%02d]", int(s / 60), s % 60)
}

function downloaded() {
  return bytes > 0 ? sprintf(", %.0f MB downloaded so far", bytes / 1e6) : ""
}

BEGIN {
  start = now()
  last = start
  bytes = 0
  module = "resolving the build's plugins"
}

# "[INFO] Downloaded from central: https://.../x.jar (39 kB at 1.8 MB/s)"
/^\[INFO\] Downloaded from / {
  size = $0
  sub(/.*\(/, "", size)
  split(size, part, " ")
  n = part[1] + 0
  if (part[2] == "kB") n *= 1e3
  else if (part[2] == "MB") n *= 1e6
  else if (part[2] == "GB") n *= 1e9
  bytes += n
  if (now() - last >= 15) {
    last = now()
    printf "%s %s%s\n", clock(), module, downloaded()
    fflush()
  }
  next
}

# "[INFO] ---------< dev.sparkjdbc:sparkjdbc-proto >---------", just before "Building"
/^\[INFO\] -+< [^ ]+:[^ ]+ >-+ *$/ {
  artifact = $0
  sub(/^[^<]*< [^:]+:/, "", artifact)
  sub(/ >.*/, "", artifact)
  next
}

# "[INFO] Building SQL to Spark Connect plan translator 0.1.0-SNAPSHOT     [4/7]"
/^\[INFO\] Building .*\[[0-9]+\/[0-9]+\] *$/ {
  line = $0
  sub(/^\[INFO\] Building /, "", line)
  count = line
  sub(/.*\[/, "", count)
  sub(/\].*/, "", count)
  sub(/ *\[[0-9]+\/[0-9]+\] *$/, "", line)
  sub(/ [^ ]+$/, "", line)
  module = "module " count " " artifact " (" line ")"
  last = now()
  printf "%s %s%s\n", clock(), module, downloaded()
  fflush()
  next
}

/^\[INFO\] BUILD SUCCESS/ {
  # (parentheses: a bare ">" in a printf statement would redirect its output)
  printf "%s built%s\n", clock(), (bytes > 0 ? sprintf("; downloaded %.0f MB", bytes / 1e6) : "")
  fflush()
}
