#!/usr/bin/env python3
"""Fails when a Tauri Rust crate and its npm package are on different
major.minor versions: the Tauri CLI refuses to build such a pair, and a
mismatch compiles but breaks at run time. Reads Cargo.lock and
ui/package-lock.json (the versions that are actually built).

    python3 scripts/check-tauri-versions.py
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Rust crate -> npm package that must share its major.minor.
PAIRS = {
    "tauri": "@tauri-apps/api",
    "tauri-plugin-dialog": "@tauri-apps/plugin-dialog",
    "tauri-plugin-log": "@tauri-apps/plugin-log",
    "tauri-plugin-single-instance": "@tauri-apps/plugin-single-instance",
    "tauri-plugin-window-state": "@tauri-apps/plugin-window-state",
}


def cargo_versions():
    text = open(os.path.join(ROOT, "Cargo.lock"), encoding="utf-8").read()
    found = {}
    for m in re.finditer(r'\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"', text):
        found.setdefault(m.group(1), []).append(m.group(2))
    return found


def npm_versions():
    lock = json.load(open(os.path.join(ROOT, "ui", "package-lock.json"), encoding="utf-8"))
    return {
        path.split("node_modules/")[-1]: info.get("version")
        for path, info in lock.get("packages", {}).items()
        if path.startswith("node_modules/")
    }


def major_minor(v):
    return ".".join(v.split(".")[:2])


def main():
    crates, npm = cargo_versions(), npm_versions()
    problems, checked = [], []
    for crate, package in PAIRS.items():
        if crate not in crates or package not in npm:
            continue  # the app does not use this pair on one side
        for v in crates[crate]:
            checked.append(f"{crate} {v} / {package} {npm[package]}")
            if major_minor(v) != major_minor(npm[package]):
                problems.append(
                    f"{crate} is {v} in Cargo.lock but {package} is {npm[package]} in ui/package-lock.json: "
                    f"put both on the same major.minor (cargo update -p {crate} --precise …, or npm install {package}@~{major_minor(v)})"
                )
    if "tauri" not in crates or "@tauri-apps/api" not in npm:
        problems.append("tauri or @tauri-apps/api is missing from the lock files")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print("Tauri crates and npm packages match: " + "; ".join(checked))


if __name__ == "__main__":
    main()
