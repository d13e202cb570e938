"""The optional LLM path: an OpenAI-compatible model reads passages, the source has the last word.

- config.py: `load_config()` -> LLMConfig | None (None = offline path)
- client.py: `ChatModel` (what the LLM path needs of a model), `LLMClient` (JSON replies,
  retries, structured-output fallback), `LLMUnavailable`
- extract.py: `extract_with_llm()` -> LLMExtraction (figures through the grounding gate)
- answer.py: `answer_with_llm()` -> AnswerOutcome (numbers checked against cited sources)
- guard.py: passages that address the model (prompt injection) are never shown to it
- prompts.py: prompts/*.md

Only config and client are imported here, so importing the package stays cheap.
"""

from banen_qa.llm.client import ChatModel, LLMClient, LLMUnavailable
from banen_qa.llm.config import LLMConfig, LLMConfigError, load_config

__all__ = ["ChatModel", "LLMClient", "LLMConfig", "LLMConfigError", "LLMUnavailable", "load_config"]
