"""What the CLI calls: one client for a command run, and the `doctor` report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from banen_qa.llm.config import LLMConfig, LLMConfigError, load_config
from banen_qa.llm.prompts import load_prompt, prompts_dir
from banen_qa.models import Answer, Figure

if TYPE_CHECKING:
    from banen_qa.corpus import IngestedDocument
    from banen_qa.llm.client import ChatModel, LLMClient
    from banen_qa.search.index import PassageIndex


def _client(config: LLMConfig) -> LLMClient:
    """The client, imported here: `openai` loads only when an LLM is configured."""
    from banen_qa.llm.client import LLMClient

    return LLMClient(config)


def client_for(llm: bool | None) -> ChatModel | None:
    """The client for `--llm/--no-llm` (None = decide from the environment), or None for
    the offline path. Raises LLMConfigError (a one-line message) for `--llm` without an
    endpoint or for a malformed setting."""
    config = load_config(llm)
    return _client(config) if config else None


def doctor_report(llm: bool | None = None) -> tuple[list[str], int]:
    """Lines telling which path is active and whether the endpoint answers, and an exit
    code: 0 fine, 1 LLM configured but not answering (commands fall back), 2 bad settings."""
    try:
        config = load_config(llm)
    except LLMConfigError as exc:
        return [f"error: {exc}"], 2
    if config is None:
        how = "--no-llm" if llm is False else "no LLM configured"
        return [
            f"path: offline, rule-based ({how}; set BANEN_QA_LLM_BASE_URL or "
            "BANEN_QA_LLM_MODEL to use an LLM)"
        ], 0
    lines = [f"path: LLM, with the offline path as fallback — {config.describe()}"]
    try:
        for name in ("extract", "answer"):
            load_prompt(name)
        lines.append(f"prompts: {prompts_dir()}")
    except (OSError, ValueError) as exc:
        return [*lines, f"error: {exc}"], 2
    model: ChatModel = _client(config)
    health = model.health()
    if health.ok:
        lines.append(f"endpoint: answers (model {health.model}, {health.seconds:.1f}s)")
        return lines, 0
    lines.append(
        f"endpoint: NOT answering ({health.detail}); ask and extract will use the offline path"
    )
    return lines, 1


class CorpusExtraction(BaseModel):
    """The LLM path over many documents: the merged table and what the gate did (for eval)."""

    figures: list[Figure] = Field(default_factory=list)
    proposed: int = 0
    kept: int = 0
    rejected: dict[str, int] = Field(default_factory=dict)
    pages_failed: dict[str, list[int]] = Field(default_factory=dict)
    warning: str | None = None  # first warning; the rest of the corpus got rules only


def extract_corpus(
    documents: Iterable[IngestedDocument], client: ChatModel | None
) -> CorpusExtraction:
    """`extract_with_llm` for each document; once the server is unreachable, the remaining
    documents keep their rule tables without further attempts."""
    from banen_qa.llm.extract import extract_with_llm

    out = CorpusExtraction()
    rejected: Counter[str] = Counter()
    for d in documents:
        if client is None or out.warning:
            out.figures.extend(d.figures)
            continue
        result = extract_with_llm(d.doc, d.passages, d.figures, client)
        out.figures.extend(result.figures)
        out.proposed += result.proposed
        out.kept += len(result.llm_figures)
        rejected.update(result.rejected)
        if result.pages_failed:
            out.pages_failed[d.doc.document] = result.pages_failed
        out.warning = out.warning or result.warning
    out.rejected = dict(rejected)
    return out


class Asker:
    """`ask(question) -> Answer` through the LLM path, counting which path answered;
    for eval's side-by-side report and for the CLI."""

    def __init__(self, index: PassageIndex, figures: list[Figure], client: ChatModel | None):
        self.index, self.figures, self.client = index, figures, client
        self.sources: Counter[str] = Counter()
        self.fallbacks: Counter[str] = Counter()  # why the LLM's answer was replaced
        self.last_reason: str | None = None

    def __call__(self, question: str) -> Answer:
        from banen_qa.llm.answer import answer_with_llm

        outcome = answer_with_llm(
            question, index=self.index, figures=self.figures, client=self.client
        )
        self.sources[outcome.source] += 1
        self.last_reason = outcome.reason
        if outcome.reason:
            self.fallbacks[outcome.reason.split(":")[0]] += 1
        return outcome.answer
