#!/usr/bin/python3
"""Reads the results of tempest/run's runs and prints them; the exit code is the gate.

  compare.py DIR             one side: its counts, then each failed test with the end of its traceback
                             and the request that failed (or the last one), from DIR/tempest.log
  compare.py EMBEDDED LAB    both sides side by side, then the tests that failed on either side

Each DIR holds results.subunit (stestr's stream of the run) and duration (seconds). Exit 1 when a
side ran no test at all, when the embedded side (the first) has failures or more skips than the
lab's, or when the lab (the reference) has failures: then the comparison proves nothing.
"""
import os
import re
import sys

import subunit
import testtools

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
STATUS = {"BadRequest": 400, "Unauthorized": 401, "Forbidden": 403, "NotFound": 404, "Conflict": 409,
          "ServerFault": 500}
COUNTED = {"success": "passed", "fail": "failed", "uxsuccess": "failed", "skip": "skipped", "xfail": "passed"}


def read(side_dir):
    """{name: (outcome, cause)} of one run, names without Tempest's [id-...,smoke] attributes."""
    tests = {}
    requests = logged_requests(side_dir)

    def on_test(test):
        outcome = COUNTED.get(test["status"])
        if outcome is None:  # "exists" (listed only), "inprogress" (the run was cut short)
            return
        name = re.sub(r"\[.*\]$", "", test["id"])
        why = ""
        if outcome == "failed":
            # tempest.log names a request's test "Class:method".
            why = cause(test)
            request = culprit(requests.get(":".join(name.rsplit(".", 2)[-2:]), []), why)
            why += f"  [{request}]" if request else ""
        tests[name] = (outcome, why)

    with open(os.path.join(side_dir, "results.subunit"), "rb") as stream:
        result = testtools.StreamToDict(on_test)
        result.startTestRun()
        subunit.ByteStreamToStreamResult(stream, non_subunit_name="stdout").run(result)
        result.stopTestRun()
    return tests


def logged_requests(side_dir):
    """{"Class:method": [(status, "404 GET /neutron/v2.0/routers", own), ...]} from tempest.log, in order.

    A request of tearDown or a clean-up counts for the test of its class that ran last: Tempest
    reports a failing tearDown as the test's failure.
    """
    pattern = re.compile(r"Request \((\w+):(\w+)\): (\d{3}) (\w+) https?://[^/\s]+(\S*)")
    requests, current = {}, {}
    try:
        with open(os.path.join(side_dir, "tempest.log"), errors="replace") as log:
            for line in log:
                m = pattern.search(line)
                if not m:
                    continue
                cls, method, status = m.group(1), m.group(2), int(m.group(3))
                if method.startswith("test"):
                    current[cls] = method
                owner = f"{cls}:{current.get(cls, method)}"
                requests.setdefault(owner, []).append(
                    (status, f"{status} {m.group(4)} {UUID.sub('<id>', m.group(5))}", method.startswith("test")))
    except OSError:
        pass
    return requests


def culprit(requests, why):
    """The request a failure is about: for an HTTP error, the last request with its status; for a
    failed assertion, the test's own last request (not its clean-up's)."""
    wanted = next((code for name, code in STATUS.items() if f"exceptions.{name}:" in why), None)
    for choose in (lambda status, own: status == wanted, lambda status, own: wanted is None and own,
                   lambda status, own: True):
        found = [text for status, text, own in requests if choose(status, own)]
        if found:
            return found[-1]
    return ""


def cause(test):
    """The end of a failure's traceback: the exception and, for Tempest's HTTP errors, its Details."""
    details = test.get("details", {})
    text = details["traceback"].as_text() if "traceback" in details else ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return "(no traceback)"
    # Tempest's exceptions end "tempest.lib.exceptions.X: <msg>" then "Details: <body>".
    for i in range(len(lines) - 1, -1, -1):
        if re.match(r"^[\w.]+(Error|Exception|Failure|Conflict|BadRequest|NotFound|Unauthorized|Forbidden|"
                    r"Mismatch|ServerFault|Timeout)\b.*:", lines[i]) or lines[i].startswith(("tempest.lib.exceptions.",
                                                                                            "testtools.matchers.")):
            return " ".join(lines[i:])[:400]
    return lines[-1][:400]


def counts(tests):
    tally = {"passed": 0, "failed": 0, "skipped": 0}
    for outcome, _ in tests.values():
        tally[outcome] += 1
    return tally


def duration(side_dir):
    try:
        with open(os.path.join(side_dir, "duration")) as f:
            return f.read().strip() + " s"
    except OSError:
        return "?"


def one(side_dir):
    tests = read(side_dir)
    tally = counts(tests)
    side = os.path.basename(side_dir.rstrip("/"))
    print(f"{side}: {tally['passed']} passed, {tally['failed']} failed, {tally['skipped']} skipped"
          f" in {duration(side_dir)}")
    for name, (outcome, why) in sorted(tests.items()):
        if outcome == "failed":
            print(f"  FAILED {name}\n         {why}")
    if not tests:
        print(f"{side}: no test ran (see {side_dir}/output.txt)")
        return 1
    return 1 if tally["failed"] else 0


def both(embedded_dir, lab_dir):
    embedded, lab = read(embedded_dir), read(lab_dir)
    a, b = counts(embedded), counts(lab)
    print(f"{'':10} {'embedded':>10} {'lab':>10}")
    for key in ("passed", "failed", "skipped"):
        print(f"{key:10} {a[key]:>10} {b[key]:>10}")
    print(f"{'duration':10} {duration(embedded_dir):>10} {duration(lab_dir):>10}")
    failed = sorted(n for n in set(embedded) | set(lab)
                    if embedded.get(n, ("",))[0] == "failed" or lab.get(n, ("",))[0] == "failed")
    if failed:
        print(f"\nFailed on either side ({len(failed)}):  embedded / lab  name")
        for name in failed:
            e, l = embedded.get(name, ("absent", "")), lab.get(name, ("absent", ""))
            print(f"  {e[0]:>8} / {l[0]:<8} {name}")
            for side, (outcome, why) in (("embedded", e), ("lab", l)):
                if outcome == "failed":
                    print(f"{'':22}{side}: {why}")
    more_skipped = sorted(n for n, (o, _) in embedded.items() if o == "skipped" and lab.get(n, ("",))[0] != "skipped")
    if more_skipped:
        print(f"\nSkipped on the embedded side only ({len(more_skipped)}):")
        for name in more_skipped:
            print(f"  {name}")
    verdict = []
    if not embedded or not lab:
        verdict.append("a side ran no test")
    if a["failed"]:
        verdict.append(f"the embedded Neutron fails {a['failed']} tests")
    if a["skipped"] > b["skipped"]:
        verdict.append(f"the embedded side skips {a['skipped']} tests, the lab {b['skipped']}")
    if b["failed"]:
        verdict.append(f"the reference (lab) fails {b['failed']} tests: the comparison proves nothing")
    print("\n" + ("FAIL: " + "; ".join(verdict) if verdict else "OK: the embedded Neutron passes what the lab's does"))
    return 1 if verdict else 0


if __name__ == "__main__":
    if len(sys.argv) == 2:
        sys.exit(one(sys.argv[1]))
    if len(sys.argv) == 3:
        sys.exit(both(sys.argv[1], sys.argv[2]))
    sys.exit(__doc__)
