"""Text in a letter that talks to the model instead of the reader (prompt injection).

Letters are data. A passage that tells a model to ignore its instructions or to report
something is never shown to the model and never backs a figure or an answer. This is one
layer: the prompts also say the text is data, and the grounding gate and the number check
hold whatever the model says against the source.
"""

from __future__ import annotations

import re

# Dutch and English phrasings of instructions aimed at a model, matched case-insensitively.
INSTRUCTION_PATTERNS: list[str] = [
    r"\b(?:negeer|vergeet|omzeil)\b.{0,60}?\b(?:instructies?|opdrachte?n?|regels?|prompts?)\b",
    r"\b(?:ignore|disregard|forget|override)\b.{0,60}?\b(?:instructions?|prompts?|rules?|context)\b",
    r"\b(?:meld|rapporteer|antwoord|zeg|schrijf|geef)\b(?:\s+\w+){0,3}\s+(?:altijd|voortaan|steeds)\b",
    r"\b(?:meld|rapporteer)\s+\d[\d.,]*\s+\w*banen\b",
    r"\b(?:report|answer|say|output|respond)\b.{0,40}?\b(?:always|instead|from now on)\b",
    r"\b(?:report|output)\s+\d[\d.,]*\s+jobs\b",
    r"\b(?:you are|you're|je bent|jij bent|u bent)\s+(?:now\s+|nu\s+)?(?:an?\s+|een\s+)?"
    r"(?:ai|assistant|assistent|language model|taalmodel|chatbot|llm)\b",
    r"\b(?:system prompt|systeemprompt|developer message)\b",
]

_PATTERN = re.compile("|".join(f"(?:{p})" for p in INSTRUCTION_PATTERNS), re.IGNORECASE | re.DOTALL)


def looks_like_instruction(text: str) -> bool:
    """True when the text addresses a model with an instruction."""
    return _PATTERN.search(text) is not None
