"""Prompt files: `prompts/<name>.md` at the project root, versioned with the code.

A prompt file holds the system message, a line `<!-- user -->`, then the user message.
Placeholders are `$name` (string.Template), so JSON braces in a prompt need no escaping.

Where the files are found: `$BANEN_QA_PROMPTS_DIR` if set, else the prompts/ folder beside
the package (a source checkout or an editable install; the corpus/ folder is found the same
way). A non-editable install has no prompts/ folder: point BANEN_QA_PROMPTS_DIR at a copy.
"""

from __future__ import annotations

import os
from pathlib import Path
from string import Template

USER_MARKER = "<!-- user -->"


def prompts_dir() -> Path:
    env = os.environ.get("BANEN_QA_PROMPTS_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "prompts"


def load_prompt(name: str) -> tuple[Template, Template]:
    """(system, user) templates of prompts/<name>.md; a clear error when missing or malformed."""
    path = prompts_dir() / f"{name}.md"
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise FileNotFoundError(
            f"{path}: cannot read prompt ({exc.strerror}); set BANEN_QA_PROMPTS_DIR"
        ) from None
    system, marker, user = text.partition(USER_MARKER)
    if not marker:
        raise ValueError(f"{path}: no '{USER_MARKER}' line between system and user message")
    return Template(system.strip()), Template(user.strip())


def render(name: str, **values: object) -> list[dict[str, str]]:
    """Chat messages for prompt `name` with its placeholders filled in."""
    system, user = load_prompt(name)
    return [
        {"role": "system", "content": system.substitute(values)},
        {"role": "user", "content": user.substitute(values)},
    ]
