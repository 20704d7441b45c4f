"""factcheck: do your sources agree on the figure?"""

__version__ = "0.1.0"
