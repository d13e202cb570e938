"""Question -> intent -> an answer from the figures or the passages, with citations."""

from banen_qa.answer.core import answer_question

__all__ = ["answer_question"]
