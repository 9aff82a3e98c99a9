"""Qt-free domain core: document, frameworks, scoring, checks, storage, form layouts."""
