"""PDF -> ParsedDocument (body text, page metadata, footnotes, tables) -> passages."""
