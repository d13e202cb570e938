"""ParsedDocument + passages -> validated figures: Dutch numbers, the vocabulary, rules."""
