"""Question answering with citations over the reports of the Lạng Sơn Department of
Industry and Trade."""

__version__ = "0.1.0"
