"""Text -> plain dependency parses: paragraphs, the Stanza pipeline, the parse cache."""
