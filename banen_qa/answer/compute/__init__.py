"""The operations, each run over a `Table` and written into a `Builder`.

Every operation has the same shape, `(op, table, builder) -> bool`: it finds the figures it
needs, shows its arithmetic and adds its sentences and used figures to the builder, and
returns False when the table lacks what it needs (the question is then answered another
way or not at all). They are grouped by what they hold side by side:

- `compare`: one sector's figures against each other or another's (difference, change,
  trend over years, the same figure across letters);
- `sectors`: many sectors at once (sum, ranking, which sectors pass a bar);
- `targets`: a count against its target (met or not, already by an earlier year, the year
  a target falls due).
"""
