#!/usr/bin/env python3
"""clang-tidy (the checks in .clang-tidy) over the app's and shared C++.

Usage: ci/tidy.py ROOT BUILD_DIR [JOBS]

Every translation unit under client-qml/ and shared/ (or the folders
TANDEM_TIDY_DIRS names, comma-separated) in BUILD_DIR's
compile_commands.json is checked; any warning fails the run. A unit that
passed is remembered in a cache (TANDEM_TIDY_CACHE, by default
~/.cache/tandem-tidy) under a digest of what clang-tidy would see: its
version, .clang-tidy, and the unit's preprocessed source with every header
it includes. So a unit is checked again exactly when something it reads
changed, and a second run on an unchanged tree takes seconds.
"""

import concurrent.futures
import hashlib
import json
import os
import shlex
import subprocess
import sys
import time

CHECKED_DIRS = tuple(
    d for d in os.environ.get("TANDEM_TIDY_DIRS", "client-qml,shared").split(",") if d)


def arguments_of(entry):
    if "arguments" in entry:
        return list(entry["arguments"])
    return shlex.split(entry["command"])


def without_pch(entry):
    """The entry without GCC's precompiled header: clang cannot read it, and
    every unit includes what it uses anyway."""
    out, skip = [], False
    args = arguments_of(entry)
    for i, arg in enumerate(args):
        if skip:
            skip = False
            continue
        if arg == "-include" and i + 1 < len(args) and args[i + 1].endswith("cmake_pch.hxx"):
            skip = True
            continue
        if arg == "-Winvalid-pch":
            continue
        out.append(arg)
    plain = {k: v for k, v in entry.items() if k != "command"}
    plain["arguments"] = out
    return plain


def preprocess_command(entry):
    """The unit's compile command, preprocessing only (no line markers, so
    that the digest does not depend on where the checkout is)."""
    out, skip = [], False
    for arg in arguments_of(entry):
        if skip:
            skip = False
            continue
        if arg == "-o":
            skip = True
            continue
        if arg == "-c" or arg.startswith("-M"):
            continue
        out.append(arg)
    return out + ["-E", "-P", "-o", "-"]


def digest(entry, salt):
    pre = subprocess.run(preprocess_command(entry), cwd=entry["directory"],
                         capture_output=True, check=False)
    if pre.returncode != 0:
        return None  # clang-tidy will say why
    sha = hashlib.sha256(salt)
    sha.update(pre.stdout)
    return sha.hexdigest()


def check(entry, build, cache, salt):
    name = entry["file"]
    key = digest(entry, salt)
    if key and os.path.exists(os.path.join(cache, key)):
        return name, True, "", True
    run = subprocess.run(["clang-tidy", "-p", build, "--quiet", name],
                         capture_output=True, text=True, check=False)
    ok = run.returncode == 0 and "warning:" not in run.stdout
    if ok and key:
        with open(os.path.join(cache, key), "w", encoding="utf-8") as mark:
            mark.write(name + "\n")
    return name, ok, run.stdout + run.stderr, False


def main():
    root = os.path.realpath(sys.argv[1])
    build = os.path.realpath(sys.argv[2])
    jobs = int(sys.argv[3]) if len(sys.argv) > 3 else os.cpu_count() or 2
    cache = os.environ.get("TANDEM_TIDY_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "tandem-tidy")
    os.makedirs(cache, exist_ok=True)

    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as db:
        entries = [without_pch(e) for e in json.load(db)]
    # clang-tidy reads the commands from a folder of its own.
    build = os.path.join(build, "tidy")
    os.makedirs(build, exist_ok=True)
    with open(os.path.join(build, "compile_commands.json"), "w", encoding="utf-8") as db:
        json.dump(entries, db)
    prefixes = tuple(os.path.join(root, d) + os.sep for d in CHECKED_DIRS)
    units, seen = [], set()
    for entry in entries:
        path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
        if path.startswith(prefixes) and path not in seen:
            seen.add(path)
            units.append(entry)
    if not units:
        print("tidy: no translation units found under", ", ".join(CHECKED_DIRS))
        return 1

    version = subprocess.run(["clang-tidy", "--version"], capture_output=True,
                             check=True).stdout
    with open(os.path.join(root, ".clang-tidy"), "rb") as config:
        salt = version + config.read()

    started = time.monotonic()
    failed, cached = [], 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for name, ok, output, hit in pool.map(
                lambda e: check(e, build, cache, salt), units):
            cached += hit
            if not ok:
                failed.append(name)
                print(output, end="")
    elapsed = time.monotonic() - started
    print(f"tidy: {len(units)} units, {cached} unchanged since a clean check, "
          f"{len(failed)} with warnings, {elapsed:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
