"""Writers of the form layouts to .xlsx, .docx and .pdf (no Qt import)."""
