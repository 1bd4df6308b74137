"""The README's Python examples run as written."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import REPO, articles


def blocks() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_readme_has_python_examples():
    assert len(blocks()) >= 2


@pytest.mark.parametrize("index", range(len(blocks())))
def test_readme_example_runs(index, tmp_path):
    code = blocks()[index]
    if "pandas" in code:
        pytest.importorskip("pandas")
    texts = [text for _, text in articles(20)]
    data = tmp_path / "texts.json"
    data.write_text(json.dumps(texts), encoding="utf-8")
    script = tmp_path / "example.py"
    prelude = f"import json\ntexts = json.loads(open({str(data)!r}, encoding='utf-8').read())\n"
    script.write_text(prelude + code, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
