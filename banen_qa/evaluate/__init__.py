"""Gold sets -> scores (precision/recall/F1, page accuracy, QA) -> a report."""
