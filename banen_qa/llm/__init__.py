"""The optional LLM path: an OpenAI-compatible model reads passages, the source has the last word.

- config.py: `load_config()` -> LLMConfig | None (None = offline path)
- client.py: `ChatModel` (what the LLM path needs of a model), `LLMClient` (JSON replies,
  retries, structured-output fallback), `LLMUnavailable`
- extract.py: `extract_with_llm()` -> LLMExtraction (figures through the grounding gate)
- answer.py: `answer_with_llm()` -> AnswerOutcome (numbers checked against cited sources)
- guard.py: passages that address the model (prompt injection) are never shown to it
- prompts.py: prompts/*.md

Only config is imported here; the client (and with it `openai`, 0.6 s) is imported when
`LLMClient` or `LLMUnavailable` is first named, so the offline path never pays for it.
"""

from typing import TYPE_CHECKING, Any

from banen_qa.llm.config import LLMConfig, LLMConfigError, load_config

if TYPE_CHECKING:
    from banen_qa.llm.client import ChatModel, LLMClient, LLMUnavailable

__all__ = ["ChatModel", "LLMClient", "LLMConfig", "LLMConfigError", "LLMUnavailable", "load_config"]


def __getattr__(name: str) -> Any:
    if name in ("ChatModel", "LLMClient", "LLMUnavailable"):
        import importlib

        return getattr(importlib.import_module("banen_qa.llm.client"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
