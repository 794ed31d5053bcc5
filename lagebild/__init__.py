"""lagebild: German news articles in, PLOVER event records out."""

__version__ = "0.1.0"
CODER_VERSION = f"lagebild-{__version__}"
