#!/usr/bin/env bash
# The test command: installs missing test dependencies (as root), runs "mvn -B verify"
# from the repository root under a wall-clock limit, then proves from the JUnit reports
# that unit tests (Surefire) and end-to-end tests (Failsafe) really ran, and closes with
# one line "N passed, N failed". Exits non-zero when anything failed or nothing ran.
# Extra arguments go to Maven, e.g. scripts/test.sh -o for an offline build.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TIME_LIMIT=${CERTLOOM_TEST_TIME_LIMIT:-80m}

if (( EUID == 0 )); then
    "$ROOT/scripts/test-deps.sh"
fi

cd "$ROOT"
# Reports of an earlier build must not count for this one.
find . -path ./.git -prune -o -type d \( -name surefire-reports -o -name failsafe-reports \
    -o -name test-reports \) -prune -exec rm -rf {} +

maven_status=0
timeout --kill-after=2m "$TIME_LIMIT" mvn -B verify "$@" || maven_status=$?
if (( maven_status == 124 || maven_status == 137 )); then
    echo "test: mvn verify did not finish within $TIME_LIMIT and was stopped." >&2
fi

# Sums every JUnit XML report of one kind; prints "tests failed" for it.
count_reports() {
    python3 - "$1" <<'PY'
import glob, sys
import xml.etree.ElementTree as ET

tests = failed = 0
for path in glob.glob(f"**/target/{sys.argv[1]}/**/TEST-*.xml", recursive=True):
    root = ET.parse(path).getroot()
    for suite in ([root] if root.tag == "testsuite" else root.iter("testsuite")):
        tests += int(suite.get("tests", 0)) - int(suite.get("skipped", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
print(tests, failed)
PY
}

read -r unit_run unit_failed < <(count_reports surefire-reports)
read -r e2e_run e2e_failed < <(count_reports failsafe-reports)
# bnd's testing plugin writes the in-framework (OSGi) tests' reports here.
read -r osgi_run osgi_failed < <(count_reports test-reports)
status=$maven_status
if (( unit_run == 0 )); then
    echo "test: no Surefire report counts a unit test that ran." >&2
    status=1
fi
if (( osgi_run == 0 )); then
    echo "test: no report counts an OSGi integration test that ran." >&2
    status=1
fi
if (( e2e_run == 0 )); then
    echo "test: no Failsafe report counts an end-to-end test that ran." >&2
    status=1
fi
failed=$(( unit_failed + osgi_failed + e2e_failed ))
if (( failed > 0 && status == 0 )); then
    status=1
fi
echo "unit tests: $unit_run run, $unit_failed failed; OSGi: $osgi_run run, $osgi_failed" \
    "failed; end-to-end: $e2e_run run, $e2e_failed failed"
echo "$(( unit_run + osgi_run + e2e_run - failed )) passed, $failed failed"
exit "$status"
