"""Métiers du e-commerce: a terminal explorer of e-commerce jobs in France."""

__version__ = "0.1.0"
