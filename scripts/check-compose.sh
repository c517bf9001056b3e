#!/usr/bin/env bash
# Validates docker-compose.yml as CI does (there is no Docker engine in CI):
# `docker-compose config` must accept it, and the deployment must keep what
# docs/operations.md promises: PostgreSQL, two server instances and a proxy,
# each with a health check, started in order of health. Installs Debian's
# docker-compose package when it is missing (needs root or sudo for that step).
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-docker-compose.yml}"

if ! command -v docker-compose >/dev/null; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends docker-compose
fi

# Placeholder secrets: only the file's shape is checked, nothing is started.
export POSTGRES_PASSWORD=check JWT_SECRET=check METRICS_TOKEN=check-check-check
normalised="$(mktemp)"
trap 'rm -f "$normalised"' EXIT
docker-compose -f "$file" --project-directory . config >"$normalised"

python3 - "$normalised" <<'PY'
import sys, yaml
c = yaml.safe_load(open(sys.argv[1]))
s = c["services"]
problems = []
want = {"db", "server-1", "server-2", "proxy"}
if set(s) != want:
    problems.append(f"services are {sorted(s)}, want {sorted(want)}")
for name in want & set(s):
    if not s[name].get("healthcheck", {}).get("test"):
        problems.append(f"{name} has no health check")
for name in ("server-1", "server-2"):
    svc = s.get(name, {})
    env = svc.get("environment", {})
    if env.get("NODE_ENV") != "production":
        problems.append(f"{name}: NODE_ENV is not production")
    if not env.get("TRUST_PROXY"):
        problems.append(f"{name}: TRUST_PROXY is not set (the proxy's X-Forwarded-For would be ignored)")
    if svc.get("depends_on", {}).get("db", {}).get("condition") != "service_healthy":
        problems.append(f"{name} does not wait for a healthy db")
for name in ("server-1", "server-2"):
    if s.get("proxy", {}).get("depends_on", {}).get(name, {}).get("condition") != "service_healthy":
        problems.append(f"proxy does not wait for a healthy {name}")
if problems:
    print("docker-compose.yml:", *problems, sep="\n  ")
    sys.exit(1)
print("docker-compose.yml: valid; db, two servers and the proxy, each with a health check")
PY
