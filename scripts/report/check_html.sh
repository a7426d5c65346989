#!/usr/bin/env bash
# Renders the sample HTML report in headless Chromium and checks what a reader would get:
# every chart <svg> present with non-empty paths in the live DOM, no script, and no network
# request at all (the net log must show only file:// loads). Saves a screenshot.
#
# Usage: scripts/report/check_html.sh [REPORT.html] [SCREENSHOT.png]
#   Without REPORT.html, writes the sample outputs through the ReportTests fixture.
#   SCREENSHOT.png defaults to docs/report-screenshot.png.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

html="${1:-}"
shot="${2:-$root/docs/report-screenshot.png}"
if [[ -z "$html" ]]; then
  (cd "$root" && PARKSTAT_REPORT_SAMPLE_DIR="$work/out" swift test --filter writesSampleForScripts) \
    >"$work/test.log" 2>&1 || { cat "$work/test.log" >&2; exit 1; }
  html="$work/out/园区经济运行月报-2024-07.html"
fi
[[ -f "$html" ]] || { echo "找不到 HTML 报表：$html" >&2; exit 2; }

browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "安装 chromium…" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  browser="$(command -v chromium)"
fi

# Any host lookup fails, so a stray remote reference could not load even if the log missed it.
# The browser's own background traffic is reduced; what remains is told apart below.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check
       --disable-background-networking --disable-component-update --disable-sync --disable-extensions
       --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$work/profile")
url="file://$html"

mkdir -p "$(dirname "$shot")"
"$browser" "${flags[@]}" --log-net-log="$work/net.json" --window-size=1280,2400 \
  --screenshot="$shot" "$url" 2>"$work/shot.err" || { cat "$work/shot.err" >&2; exit 1; }
"$browser" "${flags[@]}" --dump-dom "$url" >"$work/dom.html" 2>"$work/dom.err" || { cat "$work/dom.err" >&2; exit 1; }

python3 - "$work/dom.html" "$work/net.json" "$shot" <<'PY'
import json, re, sys
dom_path, log_path, shot = sys.argv[1:4]
dom = open(dom_path, encoding="utf-8").read()
failures = []
svgs = re.findall(r"<svg\b.*?</svg>", dom, re.S)
if len(svgs) != 3:
    failures.append(f"expected 3 chart <svg>, found {len(svgs)}")
for i, svg in enumerate(svgs):
    paths = re.findall(r'<path[^>]*\bd="([^"]*)"', svg)
    if not paths or not all(p.strip() for p in paths):
        failures.append(f"chart {i + 1}: no path or an empty path")
if re.search(r"<script", dom, re.I):
    failures.append("the page contains <script>")
for section in ["kpi", "summary", "trend", "top", "structure", "party", "missing", "findings"]:
    if f'id="{section}"' not in dom:
        failures.append(f"section {section} missing from the DOM")

# The net log is JSON, left unterminated when Chromium exits before closing it. Requests the
# page makes carry its (file://, opaque "null") initiator; Chromium's own background traffic
# (component updates, time sync) says "not an origin" and is not the page's doing.
log = open(log_path, encoding="utf-8", errors="replace").read()
try:
    net = json.loads(log)
except json.JSONDecodeError:
    net = json.loads(log.rstrip().rstrip(",") + "]}")
start_job = net["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
requests = [e["params"] for e in net.get("events", []) if e.get("type") == start_job and "url" in e.get("params", {})]
page = sorted({r["url"] for r in requests if r.get("initiator") != "not an origin"
               and not r["url"].startswith(("file:", "data:", "about:", "chrome:"))})
if page:
    failures.append("the page made network requests: " + ", ".join(page))
urls = {r["url"] for r in requests}

with open(shot, "rb") as f:
    if f.read(8) != b"\x89PNG\r\n\x1a\n":
        failures.append("screenshot is not a PNG")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"ok: {len(svgs)} charts with paths; no request from the page ({len(urls)} browser-internal); screenshot {shot}")
PY
