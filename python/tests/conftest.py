"""Fixtures: the texts the tests share, and the talkhis CLI to cross-check against."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SHARED = REPO.parent / "shared" / "data"

#: The project's sample article (tests/data/sample.txt, a copy of shared/data/sample).
SAMPLE = (REPO / "tests" / "data" / "sample.txt").read_text(encoding="utf-8")

CLIMATE = (
    "قمة المناخ تختتم أعمالها\n"
    "اختتمت قمة المناخ أعمالها اليوم باتفاق على خفض الانبعاثات الكربونية. "
    "وتعهدت الدول الصناعية بتمويل مشاريع الطاقة النظيفة في الدول النامية. "
    "وقال مراقبون إن الاتفاق خطوة مهمة لكنه غير كاف لوقف الاحترار. "
    "ومن المقرر أن تعقد القمة المقبلة في العام القادم."
)


def articles(limit: int = 60) -> list[tuple[str, str]]:
    """(name, text) of the sample and up to `limit` ANT dev articles, when shared/ is there."""
    found = [("sample", SAMPLE)]
    ant = SHARED / "ant-dev"
    if ant.is_dir():
        for folder in sorted(ant.iterdir())[:limit]:
            article = folder / "article.txt"
            if article.is_file():
                found.append((folder.name, article.read_text(encoding="utf-8")))
    return found


def cli_path() -> Path | None:
    """The CLI binary: $TALKHIS_CLI, or target/release/talkhis of the repository."""
    env = os.environ.get("TALKHIS_CLI")
    if env:
        return Path(env)
    built = REPO / "target" / "release" / "talkhis"
    if built.is_file():
        return built
    found = shutil.which("talkhis")
    return Path(found) if found else None


@pytest.fixture(scope="session")
def cli() -> Path:
    """The CLI, or a skip (a failure when $TALKHIS_REQUIRE_CLI is set, as in CI)."""
    path = cli_path()
    if path is None or not path.is_file():
        if os.environ.get("TALKHIS_REQUIRE_CLI"):
            pytest.fail("the talkhis CLI is required (cargo build --release -p talkhis-cli)")
        pytest.skip("no talkhis CLI (cargo build --release -p talkhis-cli)")
    return path
