"""The parser's layout thresholds, in one place and with names.

Every number `ingest.parse` uses to tell body from margin, footnote, furniture, heading or
superscript lives here, so a letter with another layout is a new `LayoutSettings` passed to
`parse_pdf(..., layout=...)` rather than an edit of the parser. Sizes are ratios of a type
size (the body's, or a line's own); positions are in PDF points or fractions of the page.
The defaults are tuned on the ministry letters in corpus/ and the synthetic letters in
eval/synth; changing one changes what the parser produces, so re-run `banen-qa eval`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LayoutSettings:
    """Thresholds for reading one page layout (see the module docstring)."""

    # --- type sizes (ratios of the body size: the commonest size in the first pages)
    body_size_pages: int = 20  # pages read to find the body size; enough for a long letter
    small_type: float = 0.9  # below this x body size is small type (margin, footnotes)
    floating_call_type: float = 0.85  # a lone number below this x body is a raised call...
    floating_call_host_type: float = 0.85  # ...hung over a line at least this x body size
    floating_call_max_digits: int = 3  # a longer lone number is a page number, not a call
    letterhead_small_type: float = 0.95  # a first-page block all below this x body is letterhead
    heading_type: float = 1.1  # above this x body size a short line is a heading

    # --- characters within a line (ratios of the line's dominant size)
    superscript_type: float = 0.8  # a digit below this x line size may be a superscript...
    superscript_raise: float = 0.15  # ...when its bottom is this x line size above the baseline
    word_gap: float = 0.25  # a gap wider than this x the char's size between chars is a space
    duplicate_glyph_dx_pt: float = 0.01  # the same glyph again within this x is fake bold

    # --- the gutter before a right-hand margin column (colophon)
    gutter_bin_pt: float = 2.0  # x positions are counted in bins this wide
    gutter_search_from: float = 0.4  # look for a gutter right of this fraction of page width
    gutter_lines_per_crossing: int = 20  # one body line in this many may cross a gutter
    gutter_min_bins: int = 4  # an empty run at least this many bins wide is a gutter
    gutter_edge_width_pt: float = 8.0  # width given to a gutter that runs to the page edge
    margin_text_offset_pt: float = 6.0  # margin text starts at least this far into the gutter
    body_text_offset_pt: float = 2.0  # body text ends at most this far into the gutter
    narrow_margin_width: float = 0.3  # a column narrower than this x page width is a margin...
    narrow_margin_min_bins: int = 6  # ...when the gutter before it is at least this many bins
    gutter_right_pad_pt: float = 0.5  # the margin starts this far left of its first char
    gutter_crossing_slack_pt: float = 1.0  # a char must reach this far into the gutter to cross

    # --- lines and blocks
    floating_call_slack_pt: float = 1.0  # a raised call may hang this far below its host's bottom
    floating_call_reach_pt: float = 2.0  # ...and start this far right of its host's end
    floating_call_char_pad_pt: float = 0.5  # a call goes after the host chars ending before x+this
    footnote_slack_pt: float = 1.0  # footnotes start at most this far above the last body line
    table_box_slack_pt: float = 1.0  # chars this far outside a table's box still belong to it
    table_min_rows: int = 2  # a ruled table needs at least this many rows...
    table_min_columns: int = 2  # ...and columns; fewer is a box around prose
    list_indent_pt: float = 4.0  # a list line this far left of the previous one ends the list
    # a line within this of where a list item's text starts (after its bullet) is the
    # item's next line; one further left ends the item after a paragraph gap, or after a
    # line that closed a sentence with room left for the next line's first word...
    hanging_indent_slack_pt: float = 1.5
    line_end_slack_pt: float = 2.0  # ...room counted to this far short of the page's line end
    paragraph_gap: float = 0.9  # a gap above a line wider than this x its size starts a paragraph

    # --- page furniture
    header_band: float = 0.1  # a line ending above this fraction of page height is header
    footer_band: float = 0.9  # a line starting below this fraction of page height is footer
    furniture_min_repeats: int = 2  # a header/footer repeats on at least this many pages...
    furniture_page_share: int = 2  # ...and on at least 1 in this many pages
    letterhead_blocks: int = 6  # at most this many blocks above the body on the first page
    letterhead_block_gap: float = 1.2  # a gap wider than this x line size ends a block
    letterhead_band: float = 0.12  # a block ending above this fraction of height is letterhead
    letterhead_max_cue_lines: int = 6  # an address/date/subject block has at most this many lines
    # a running header (footer) that appears on too few pages to count as repeated: the first
    # (last) lines of a page, in the header (footer) band, set apart from the body below
    # (above) by a gap wider than this x their size...
    running_gap: float = 1.5
    running_max_lines: int = 2  # ...at most this many lines...
    running_max_chars: int = 120  # ...each shorter than this, none a sentence...
    running_max_type: float = 1.0  # ...none above this x body size (a heading is larger)...
    running_echo_min_chars: int = 8  # ...that repeat a part this long of the title, author...
    # ...or a line of page 1's top band (letterhead_band); a header in small type needs no
    # echo, a footer needs small type and an echo or an address / web site

    # --- headings
    heading_max_chars: int = 80  # a heading is shorter than this
    heading_max_words: int = 10  # a heading in larger (not bold) type has at most this many words


DEFAULT_LAYOUT = LayoutSettings()
