"""Judged subjects → the report's records (the JSON of `report --format json`), findings, baseline.

`to_dict` is public API (README): `to_dict(check_file("claims.yaml"))`.
"""

from factcheck.report.records import Report, to_dict

__all__ = ["Report", "to_dict"]
