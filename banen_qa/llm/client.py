"""A thin, defensive wrapper over the `openai` client for any OpenAI-compatible server.

Callers ask for one JSON object and get a dict, or an `LLMUnavailable` error after a bounded
number of attempts; they turn that error into a one-line warning and the offline path.

Structured output differs between servers, so the client steps down a ladder and remembers
where it landed: `response_format` json_schema (OpenAI, vLLM, llama.cpp, Ollama) -> json_object
-> plain text with the first JSON object cut out of the reply. A 400/422 answer to a
response_format moves one step down without counting as a failed attempt.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

import openai

from banen_qa.errors import BanenQAError
from banen_qa.llm.config import LLMConfig

log = logging.getLogger("banen_qa.llm")

Mode = Literal["json_schema", "json_object", "text"]
_LADDER: tuple[Mode, ...] = ("json_schema", "json_object", "text")


class LLMUnavailable(BanenQAError, RuntimeError):
    """The endpoint gave no usable answer within the allowed attempts.

    `transport` is True when the server could not be reached or answered with an error
    (timeouts, refused connections, 5xx): then later calls are unlikely to fare better.
    """

    def __init__(self, message: str, *, transport: bool) -> None:
        super().__init__(message)
        self.transport = transport


class BadOutput(BanenQAError, ValueError):
    """The reply was empty, cut off, not JSON, or not a JSON object."""

    def __init__(self, message: str, kind: str = "invalid_json") -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class CallStats:
    """Counters for reports: how often the model was asked and what went wrong."""

    calls: int = 0
    attempts: int = 0
    failures: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def fail(self, reason: str) -> None:
        self.failures[reason] = self.failures.get(reason, 0) + 1


@dataclass(frozen=True)
class Health:
    ok: bool
    model: str | None
    seconds: float
    detail: str


@runtime_checkable
class ChatModel(Protocol):
    """What the LLM path needs of a model: one JSON object per request, and a health check.

    extract.py, answer.py and session.py are typed against this rather than `LLMClient`, so
    a test double or another backend needs these two methods and nothing of openai's.
    """

    def complete_json(
        self,
        messages: list[dict[str, str]],
        *,
        schema: dict[str, Any],
        name: str,
        max_tokens: int | None = None,
    ) -> dict[str, Any]:
        """One JSON object; raises LLMUnavailable when none can be had."""
        ...

    def health(self) -> Health:
        """Whether the model answers, for `banen-qa doctor`."""
        ...


def extract_json_object(text: str) -> dict[str, Any]:
    """The first JSON object in a reply, tolerating code fences and chatter around it."""
    text = text.strip()
    if not text:
        raise BadOutput("empty output", "empty")
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        # Only the first "{" may open the object: trying later ones would pick an inner
        # object out of a reply that was cut short.
        start = text.find("{")
        try:
            value, _ = json.JSONDecoder().raw_decode(text, start) if start >= 0 else (None, 0)
        except json.JSONDecodeError:
            value = None
        if value is None:
            raise BadOutput("no JSON object in output") from None
    if not isinstance(value, dict):
        raise BadOutput(f"JSON is a {type(value).__name__}, not an object")
    return value


class LLMClient:
    """Chat completions returning JSON objects, with retries and a format fallback."""

    def __init__(
        self,
        config: LLMConfig,
        *,
        http_client: Any | None = None,
        backoff_s: float = 0.5,
    ) -> None:
        self.config = config
        self.backoff_s = backoff_s
        self.mode: Mode = "json_schema"
        self.stats = CallStats()
        self._model = config.model
        # Retries are ours (one policy for transport and content failures), so the
        # openai client's own retry loop is off.
        self._api = openai.OpenAI(
            base_url=config.base_url,
            api_key=config.api_key,
            timeout=config.timeout_s,
            max_retries=0,
            http_client=http_client,
        )

    @property
    def model(self) -> str:
        """The configured model, or the server's first model when none was configured."""
        if self._model is None:
            try:
                models = self._api.models.list().data
            except openai.APIError as exc:
                raise LLMUnavailable(
                    f"cannot list models: {_describe(exc)}", transport=True
                ) from exc
            if not models:
                raise LLMUnavailable(
                    "server lists no models; set BANEN_QA_LLM_MODEL", transport=True
                )
            self._model = models[0].id
        return self._model

    def complete_json(
        self,
        messages: list[dict[str, str]],
        *,
        schema: dict[str, Any],
        name: str,
        max_tokens: int | None = None,
    ) -> dict[str, Any]:
        """One JSON object from the model, shaped by `schema` where the server allows it.

        The caller still validates the content: json_object and text modes do not enforce
        the schema, and no mode makes the content true.
        """
        self.stats.calls += 1
        failures = 0
        last = "no attempt"
        started = time.monotonic()
        try:
            while failures <= self.config.retries:
                if failures:
                    time.sleep(self.backoff_s * 2 ** (failures - 1))
                self.stats.attempts += 1
                try:
                    return self._attempt(messages, schema, name, max_tokens, retry=failures > 0)
                except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                    if _about_format(exc) and self._step_down(exc):
                        continue  # a format the server rejects is not a failed attempt
                    # e.g. a prompt over the context size: this request will not succeed
                    self.stats.fail(f"http_{exc.status_code}")
                    raise LLMUnavailable(
                        f"LLM at {self.config.base_url} refused the request: "
                        f"{_describe(exc, body=True)}",
                        transport=False,
                    ) from exc
                except openai.APIStatusError as exc:
                    self.stats.fail(f"http_{exc.status_code}")
                    if exc.status_code in (401, 403, 404):  # wrong key, URL or model
                        raise LLMUnavailable(
                            f"LLM at {self.config.base_url}: {_describe(exc, body=True)}",
                            transport=True,
                        ) from exc
                    last, transport = _describe(exc), True
                except openai.APITimeoutError as exc:
                    last, transport = _describe(exc), True
                    self.stats.fail("timeout")
                except openai.APIConnectionError as exc:
                    last, transport = _describe(exc), True
                    self.stats.fail("connection")
                except BadOutput as exc:
                    last, transport = str(exc), False
                    self.stats.fail(exc.kind)
                failures += 1
                log.info("LLM attempt %d failed: %s", failures, last)
        finally:
            self.stats.seconds += time.monotonic() - started
        raise LLMUnavailable(
            f"LLM at {self.config.base_url} failed {failures} time(s): {last}",
            transport=transport,
        )

    def _attempt(
        self,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        name: str,
        max_tokens: int | None,
        *,
        retry: bool,
    ) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"max_tokens": max_tokens or self.config.max_tokens}
        if self.mode == "json_schema":
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": name, "schema": schema, "strict": True},
            }
        elif self.mode == "json_object":
            kwargs["response_format"] = {"type": "json_object"}
        # A deterministic model repeats a broken reply; a retry after bad output samples.
        temperature = max(self.config.temperature, 0.7) if retry else self.config.temperature
        response = self._api.chat.completions.create(
            model=self.model,
            messages=messages,  # type: ignore[arg-type]
            temperature=temperature,
            **kwargs,
        )
        if not response.choices:
            raise BadOutput("empty output (no choices)", "empty")
        choice = response.choices[0]
        if choice.finish_reason == "length":
            raise BadOutput(f"output cut off at max_tokens ({kwargs['max_tokens']})", "truncated")
        content = choice.message.content or ""
        return extract_json_object(content)

    def _step_down(self, exc: openai.APIStatusError) -> bool:
        """Move to the next structured-output mode; False when already at plain text."""
        i = _LADDER.index(self.mode)
        if i + 1 >= len(_LADDER):
            return False
        log.info(
            "server refused response_format %s (%s); trying %s",
            self.mode,
            _describe(exc),
            _LADDER[i + 1],
        )
        self.mode = _LADDER[i + 1]
        return True

    def health(self) -> Health:
        """Does the endpoint answer a one-token chat completion? For `banen-qa doctor`."""
        started = time.monotonic()
        try:
            model = self.model
            self._api.chat.completions.create(
                model=model,
                messages=[{"role": "user", "content": "ping"}],
                max_tokens=1,
            )
        except (LLMUnavailable, openai.APIError) as exc:
            detail = str(exc) if isinstance(exc, LLMUnavailable) else _describe(exc)
            return Health(False, self._model, time.monotonic() - started, detail)
        return Health(True, model, time.monotonic() - started, "answers")


def _about_format(exc: openai.APIStatusError) -> bool:
    """Does a 400/422 answer complain about response_format (rather than, say, length)?"""
    text = f"{exc.message} {exc.body}".lower()
    return any(
        w in text
        for w in ("response_format", "json_schema", "json_object", "schema", "grammar", "format")
    )


def _describe(exc: openai.APIError, *, body: bool = False) -> str:
    """Short cause of an API error. The server's message is added only where asked, cut
    short: bodies may echo the prompt."""
    if isinstance(exc, openai.APIStatusError):
        detail = f": {' '.join(str(exc.message).split())[:160]}" if body else ""
        return f"HTTP {exc.status_code}{detail}"
    if isinstance(exc, openai.APITimeoutError):
        return "timeout"
    if isinstance(exc, openai.APIConnectionError):
        return "connection failed"
    return type(exc).__name__
