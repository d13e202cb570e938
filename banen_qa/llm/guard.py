"""Text in a letter that talks to the model instead of the reader (prompt injection).

The patterns live in banen_qa/ingest/quarantine.py, where ingest quarantines such sentences
(their numbers never become figures, their passages are never indexed). This module keeps
the LLM path's name for the check, as a second layer over whatever reaches a prompt.
"""

from __future__ import annotations

from banen_qa.ingest.quarantine import INSTRUCTION_PATTERNS, looks_like_instruction

__all__ = ["INSTRUCTION_PATTERNS", "looks_like_instruction"]
