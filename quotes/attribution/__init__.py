"""Parses -> attributions: quotation marks on raw text, speech cues, content and speaker mentions."""
