"""The controller functions of 0.3 (issue 22)."""

__all__: list = []
