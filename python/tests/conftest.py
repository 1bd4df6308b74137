"""Fixtures: the texts the tests share, and the talkhis CLI to cross-check against."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
#: The corpora folder of docs/EVALUATION.md, when $TALKHIS_DATA names it (.ci/run does).
DATA = Path(os.environ["TALKHIS_DATA"]) if os.environ.get("TALKHIS_DATA") else None

#: The project's sample article (tests/data/sample.txt, see tests/data/README.md).
SAMPLE = (REPO / "tests" / "data" / "sample.txt").read_text(encoding="utf-8")

CLIMATE = (
    "قمة المناخ تختتم أعمالها\n"
    "اختتمت قمة المناخ أعمالها اليوم باتفاق على خفض الانبعاثات الكربونية. "
    "وتعهدت الدول الصناعية بتمويل مشاريع الطاقة النظيفة في الدول النامية. "
    "وقال مراقبون إن الاتفاق خطوة مهمة لكنه غير كاف لوقف الاحترار. "
    "ومن المقرر أن تعقد القمة المقبلة في العام القادم."
)


def articles(limit: int = 60) -> list[tuple[str, str]]:
    """(name, text) of the sample and up to `limit` ANT dev articles, when $TALKHIS_DATA has them."""
    found = [("sample", SAMPLE)]
    ant = DATA / "ant-dev" if DATA else None
    if ant is not None and ant.is_dir():
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
