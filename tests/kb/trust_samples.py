"""The hand-written placement fixtures (tests/fixtures/placement) and the names the tests look up.

A city plan whose sentences place a national firm in a software park inside a development zone, and
a news item that only mentions a national firm (it has no place, only documents that mention it).
"""

from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "placement"
ZUNYI_PLAN = (FOLDER / "zunyi_plan.txt").read_text(encoding="utf-8")
KUNMING_NEWS = (FOLDER / "kunming_news.txt").read_text(encoding="utf-8")

FIRM, PARK, ZONE, OTHER = "华为技术有限公司", "遵义软件园", "遵义经济技术开发区", "腾讯控股有限公司"
