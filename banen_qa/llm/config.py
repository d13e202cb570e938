"""Which LLM endpoint to use, if any: environment variables, overridden by command-line flags.

The LLM path is opt-in. It is active when `BANEN_QA_LLM_BASE_URL` or `BANEN_QA_LLM_MODEL` is
set, or when `--llm` is given. An `OPENAI_API_KEY` alone does not switch it on: that key is
often set for other tools, and sending letters to a paid API should be a choice. With nothing
configured `load_config` returns None and every caller takes the offline path, silently.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

from banen_qa.errors import BanenQAError

OPENAI_BASE_URL = "https://api.openai.com/v1"
OPENAI_DEFAULT_MODEL = "gpt-4o-mini"


class LLMConfigError(BanenQAError, ValueError):
    """The settings ask for the LLM path but do not say enough to reach one."""


@dataclass(frozen=True)
class LLMConfig:
    """Everything the client needs to reach an OpenAI-compatible chat endpoint."""

    base_url: str
    api_key: str
    model: str | None  # None: ask the server (/v1/models) and take its first model
    timeout_s: float = 60.0
    max_tokens: int = 1024
    retries: int = 2  # extra attempts after the first, for every kind of failure
    temperature: float = 0.0

    def describe(self) -> str:
        """One line for `doctor` and logs; never shows the key."""
        key = "set" if self.api_key and self.api_key != "not-needed" else "none"
        return (
            f"{self.base_url} model={self.model or '(server default)'} api_key={key} "
            f"timeout={self.timeout_s:g}s max_tokens={self.max_tokens} retries={self.retries}"
        )


def _number(env: Mapping[str, str], name: str, default: float, cast: type) -> float:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = cast(raw)
    except ValueError:
        raise LLMConfigError(f"{name}={raw!r}: not a number") from None
    if value < 0:
        raise LLMConfigError(f"{name}={raw!r}: must not be negative")
    return value


def load_config(
    llm: bool | None = None,
    *,
    base_url: str | None = None,
    model: str | None = None,
    api_key: str | None = None,
    timeout_s: float | None = None,
    max_tokens: int | None = None,
    retries: int | None = None,
    env: Mapping[str, str] | None = None,
) -> LLMConfig | None:
    """Settings for the LLM path, or None for the offline path.

    `llm`: None = decide from the environment, False = offline (`--no-llm`), True = LLM path
    required (`--llm`; raises LLMConfigError when no endpoint can be worked out). Keyword
    arguments are command-line flags; they win over the environment.
    """
    if llm is False:
        return None
    env = os.environ if env is None else env
    base_url = base_url or env.get("BANEN_QA_LLM_BASE_URL") or None
    model = model or env.get("BANEN_QA_LLM_MODEL") or None
    api_key = api_key or env.get("BANEN_QA_LLM_API_KEY") or env.get("OPENAI_API_KEY") or None
    if llm is None and not (base_url or model):
        return None
    if not base_url:
        if not api_key:
            raise LLMConfigError(
                "LLM path requested but no endpoint: set BANEN_QA_LLM_BASE_URL "
                "(own server) or OPENAI_API_KEY (OpenAI)"
            )
        base_url = OPENAI_BASE_URL
        model = model or OPENAI_DEFAULT_MODEL
    config = LLMConfig(
        base_url=base_url.rstrip("/"),
        # Local servers (llama.cpp, vLLM, Ollama) accept any key; the client needs a string.
        api_key=api_key or "not-needed",
        model=model,
    )
    return replace(
        config,
        timeout_s=timeout_s
        if timeout_s is not None
        else _number(env, "BANEN_QA_LLM_TIMEOUT", config.timeout_s, float),
        max_tokens=max_tokens
        if max_tokens is not None
        else int(_number(env, "BANEN_QA_LLM_MAX_TOKENS", config.max_tokens, int)),
        retries=retries
        if retries is not None
        else int(_number(env, "BANEN_QA_LLM_RETRIES", config.retries, int)),
    )
