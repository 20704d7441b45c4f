"""Provenance: each claim proved against the words of its source document.

- `documents`: a source's local copy (text, Markdown, HTML, PDF) read into its words, with the
  encoding detected and every character traced back to a line (and page) of the file;
- `paths`: where a source's `path:` may point (inside the claims file's folder) and how big;
- `normalise`: the one normalisation quotes and documents are compared under;
- `figures`: every figure, date and rank in a run of text, with its exact span;
- `verify`: the checks behind `factcheck verify` and `check --verify`;
- `extract`: candidate claims proposed from a document (`factcheck extract`).
"""
