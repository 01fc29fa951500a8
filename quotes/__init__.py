"""quotes: find quotations and attributions in news articles, with their cues and speakers."""
from .analyzer import Analyzer, extract
from .records import COLUMNS, Attribution, to_frame

__version__ = "0.1.0"
__all__ = ["Analyzer", "Attribution", "COLUMNS", "extract", "to_frame", "__version__"]
