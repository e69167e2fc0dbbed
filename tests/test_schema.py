"""The editors' JSON Schemas: generated from the code schema, shipped, wired, and agreeing.

The shipped files must equal what `helpcentre schema` generates, and for the
same front matter the JSON Schema and the code schema must reach the same
verdict (apart from the rules JSON Schema cannot express, listed below).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO
from helpcentre.cli import main
from helpcentre.cli.schema import SCHEMA_DIR, SCHEMA_FILES, render
from helpcentre.content.problems import Problem
from helpcentre.content.project import load_project
from helpcentre.content.schema import validate


@pytest.mark.parametrize("name", list(SCHEMA_FILES))
def test_shipped_schema_is_the_generated_one(name: str) -> None:
    shipped = (REPO / SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert shipped == render(SCHEMA_FILES[name]), "run `helpcentre schema` and commit"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["schema", *args])
    return code, out.getvalue(), err.getvalue()


def test_schema_command_writes_then_checks(tmp_path: Path) -> None:
    assert run("--root", str(tmp_path), "--check") == (1, "", (
        "schemas/article.schema.json:1: error: out of date with content/schema.py; run "
        "`helpcentre schema` and commit the result\n"
        "schemas/translation.schema.json:1: error: out of date with content/schema.py; run "
        "`helpcentre schema` and commit the result\n"))
    assert run("--root", str(tmp_path)) == (
        0, "wrote schemas/article.schema.json\nwrote schemas/translation.schema.json\n", "")
    assert run("--root", str(tmp_path), "--check") == (0, "", "")
    assert run("--root", str(tmp_path)) == (0, "", "")  # nothing to do


# -- the JSON Schema and the code schema agree ------------------------------------------

GOOD_SOURCE: dict[str, Any] = {
    "title": "Lost your 2FA device", "type": "faq", "reviewed": "2026-11-10",
    "owner": "@kestrel/security",
}
SOURCE_SAMPLES: dict[str, dict[str, Any]] = {
    "minimal": GOOD_SOURCE,
    "every field": {**GOOD_SOURCE, "summary": "Reset it.", "category": "security",
                    "coins": ["USDT"], "keywords": ["2fa"], "review_days": 60},
    "notice with expires": {**GOOD_SOURCE, "type": "notice", "expires": "2026-12-31"},
    "notice without expires": {**GOOD_SOURCE, "type": "notice"},
    "risk naming coins": {**GOOD_SOURCE, "type": "risk", "coins": ["XRP"]},
    "risk naming networks": {**GOOD_SOURCE, "type": "risk", "networks": ["TON"]},
    "risk naming nothing": {**GOOD_SOURCE, "type": "risk"},
    "risk with an empty list": {**GOOD_SOURCE, "type": "risk", "coins": []},
    "risk with expires": {**GOOD_SOURCE, "type": "risk", "coins": ["XRP"], "expires": "2026-12-31"},
    "missing owner": {k: v for k, v in GOOD_SOURCE.items() if k != "owner"},
    "missing title": {k: v for k, v in GOOD_SOURCE.items() if k != "title"},
    "unknown type": {**GOOD_SOURCE, "type": "tutorial"},
    "unknown field": {**GOOD_SOURCE, "reviwed": "2026-11-10"},
    "text for a list": {**GOOD_SOURCE, "coins": "USDT"},
    "list for text": {**GOOD_SOURCE, "summary": ["a"]},
    "empty title": {**GOOD_SOURCE, "title": ""},
    "date in another format": {**GOOD_SOURCE, "reviewed": "10/11/2026"},
    "review_days out of range": {**GOOD_SOURCE, "review_days": 0},
    "review_days as text": {**GOOD_SOURCE, "review_days": "60"},
    "translated_from in a source": {**GOOD_SOURCE, "translated_from": "abcdefabcdef"},
}
TRANSLATION_SAMPLES: dict[str, dict[str, Any]] = {
    "title only": {"title": "丢失 2FA 设备"},
    "own fields and stamp": {"title": "丢失 2FA 设备", "summary": "重置。", "keywords": ["2fa"],
                             "reviewed": "2026-11-20", "translated_from": "3f9a1c0d2b7e"},
    "repeats an inherited field": {"title": "丢失 2FA 设备", "type": "faq"},
    "no title": {"summary": "重置。"},
    "bad stamp": {"title": "丢失 2FA 设备", "translated_from": "not-a-stamp"},
    "unknown field": {"title": "丢失 2FA 设备", "titel": "x"},
}


def json_verdict(schema: dict[str, Any], data: dict[str, Any]) -> bool:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.validators.validator_for(schema)
    return not list(validator(schema).iter_errors(data))


@pytest.mark.parametrize("sample", list(SOURCE_SAMPLES))
def test_json_schema_agrees_for_sources(sample: str) -> None:
    data = SOURCE_SAMPLES[sample]
    _, errors = validate(data, is_source=True)
    assert json_verdict(json.loads(render(True)), data) == (not errors)


@pytest.mark.parametrize("sample", list(TRANSLATION_SAMPLES))
def test_json_schema_agrees_for_translations(sample: str) -> None:
    data = TRANSLATION_SAMPLES[sample]
    _, errors = validate(data, is_source=False)
    assert json_verdict(json.loads(render(False)), data) == (not errors)


def test_what_only_the_code_schema_knows() -> None:
    """An editor cannot know the calendar or today's date; `helpcentre check` does."""
    import datetime as dt

    impossible = {**GOOD_SOURCE, "reviewed": "2025-02-30"}
    future = {**GOOD_SOURCE, "reviewed": "2026-12-01"}
    schema = json.loads(render(True))
    assert json_verdict(schema, impossible) and json_verdict(schema, future)
    assert validate(impossible, is_source=True)[1]
    assert validate(future, is_source=True, today=dt.date(2026, 11, 23))[1]


# -- wired into VS Code ----------------------------------------------------------------

def test_vscode_maps_each_schema_to_its_articles() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    project = load_project(REPO)
    default = project.default_language
    others = [c for c in project.codes if c != default]
    assert settings["yaml.schemas"] == {
        f"./{SCHEMA_DIR}/article.schema.json": [f"content/{default}/**/*.md"],
        f"./{SCHEMA_DIR}/translation.schema.json": [f"content/{c}/**/*.md" for c in others],
    }


def test_vscode_task_underlines_every_reported_problem() -> None:
    tasks = json.loads((REPO / ".vscode" / "tasks.json").read_text(encoding="utf-8"))
    problem = Problem("content/en/security/lost-2fa-device.md", 6, "error",
                      "`reviwed`: unknown field; did you mean `reviewed`?")
    for task in tasks["tasks"]:
        assert task["args"][0] == "check"
        pattern = task["problemMatcher"]["pattern"]
        # VS Code's regexps are JavaScript's; this one reads the same in Python.
        match = re.match(pattern["regexp"], str(problem))
        assert match is not None
        assert [match.group(pattern[k]) for k in ("file", "line", "severity", "message")] == [
            problem.path, "6", "error", problem.message]


def test_schemas_are_valid_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    for name in SCHEMA_FILES:
        schema = json.loads((REPO / SCHEMA_DIR / name).read_text(encoding="utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)


def test_yaml_examples_in_the_schema_parse() -> None:
    """Every field's example (used in messages and skeletons) is valid YAML for that field."""
    from helpcentre.content.schema import FIELDS

    for spec in FIELDS:
        value = yaml.safe_load(f"{spec.name}: {spec.example}")[spec.name]
        data = {**GOOD_SOURCE, spec.name: str(value) if spec.kind == "date" else value}
        if spec.name == "steps":  # a troubleshooter's field
            data.update(type="troubleshooter")
        if spec.name == "status":  # a notice's field, with what it stops
            data.update(type="notice", expires="2026-12-31", services=["deposit"], networks=["TRC20"])
        if spec.role == "translation-only":
            continue
        assert validate(data, is_source=True)[1] == [], spec.name
