"""The machine a benchmark ran on, as Markdown list lines for the results files."""

from __future__ import annotations

import contextlib
import os
import platform
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version


def describe(packages: Iterable[str]) -> list[str]:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        mem_kb = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
    versions = []
    for name in packages:
        with contextlib.suppress(PackageNotFoundError):
            versions.append(f"{name} {version(name)}")
    return [f"- CPU: {cpu}; {os.cpu_count()} cores (nproc)",
            f"- Memory: {mem_kb / 1024 / 1024:.1f} GiB",
            f"- OS: {platform.platform()}",
            f"- Python {platform.python_version()}; " + ", ".join(versions)]
