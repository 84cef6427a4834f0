"""UI test set-up: offscreen Qt, isolated QSettings, a real knowledge base built from small documents."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The offscreen platform plugin warns about this on every top-level window; it is not our bug.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"

GUIZHOU_PLAN = """贵阳市加快数字经济发展实施方案（2023—2025年）

发布时间：2023-03-15  来源：贵阳市人民政府办公厅

一、总体要求

到2025年，全市数字经济增加值占地区生产总值比重达到50%以上，建成数据中心标准机架20万架。

二、重点任务

（一）建设算力基础设施

支持贵安新区建设全国一体化算力网络国家枢纽节点，推动中国移动、中国联通、华为云等企业在贵安新区布局超大型数据中心。项目联络人𠮷先生负责统筹算力调度平台建设。

（二）培育数字产业集群

依托贵阳国家高新技术产业开发区，引进大数据企业。对新落户的软件企业，给予一次性奖励50万元；对年营业收入首次超过1亿元的企业，奖励100万元。

三、保障措施

设立数字经济发展专项资金，每年安排2亿元，支持算力调度平台和工业互联网平台建设。
"""

NINGXIA_NEWS = """中卫市西部云基地再添数据中心新项目

2022年8月10日  来源：宁夏日报

近日，宁夏回族自治区中卫市西部云基地迎来新的数据中心项目落地。中卫市依托中卫工业园区，吸引亚马逊云科技、奇虎360等企业建设数据中心，目前已建成标准机架5万架。

中卫市对入驻西部云基地的企业给予电价补贴，每千瓦时补贴0.1元，最高不超过500万元。

当地还建设了宁夏中卫大数据产业园，打造算力调度平台，服务东数西算工程。
"""

# A scraped page: navigation, share prompts and a footer around the article, for the raw view.
SHAANXI_PAGE = """首页 > 新闻中心 > 部门动态
分享到：微信 微博 QQ空间
【字体：大 中 小】【打印本页】【关闭窗口】

西安高新区加快建设软件和信息服务产业基地

2023年5月20日  来源：西安高新区管委会

西安高新技术产业开发区近日印发通知，对新认定的国家级工程研究中心给予一次性奖励200万元。西安高新区将依托丝路软件城，引进中兴通讯、紫光集团等企业，建设软件和信息服务产业基地。

相关链接：
西安市政府网站
陕西省工业和信息化厅

版权所有：西安高新区管委会  网站标识码：6101000001  陕ICP备05000000号
"""

DOCS = {"guizhou_plan.txt": GUIZHOU_PLAN, "ningxia_news.txt": NINGXIA_NEWS, "shaanxi_page.txt": SHAANXI_PAGE}


def write_docs(folder: Path, docs: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (docs or DOCS).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def built_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two documents imported once; tests get a fresh copy (imports change it)."""
    from kb import KnowledgeBase

    root = tmp_path_factory.mktemp("ui_kb")
    base = KnowledgeBase.open(root / "kb")
    try:
        report = base.import_paths([write_docs(root / "docs")])
        assert report.ok and len(report.added) == len(DOCS), report
    finally:
        base.close()
    return root / "kb"


@pytest.fixture
def kb_dir(built_kb: Path, tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(built_kb, target, ignore=shutil.ignore_patterns("*.lock", "lock"))
    return target


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """QSettings in tmp_path, never the user's."""
    from PySide6.QtCore import QSettings

    folder = tmp_path / "settings"
    monkeypatch.setenv("ZHIKU_SETTINGS_DIR", str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    s = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Zhiku", "zhiku")
    yield s
    s.sync()


def wait_idle(qtbot: object, window: object, timeout: int = 20000) -> None:
    qtbot.waitUntil(lambda: not window.controller.busy(), timeout=timeout)  # type: ignore[attr-defined]


@pytest.fixture
def idle(qtbot: object) -> object:
    """``idle(window)`` waits until the window's background jobs are all done."""
    return lambda window, timeout=20000: wait_idle(qtbot, window, timeout)


@pytest.fixture
def docs_text() -> dict[str, str]:
    return dict(DOCS)


@pytest.fixture
def make_window(qtbot: object, settings: object) -> Iterator[object]:
    """Factory: a shown MainWindow over a knowledge base dir, opened and idle."""
    from ui.main_window import MainWindow

    windows = []

    def make(kb_dir: Path, corpus_dir: Path | None = None, wait: bool = True) -> MainWindow:
        window = MainWindow(settings, kb_dir=kb_dir, corpus_dir=corpus_dir)  # type: ignore[arg-type]
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        if not settings.contains("window/geometry"):  # type: ignore[attr-defined]
            window.resize(1200, 800)
        window.show()
        with qtbot.waitSignal(window.controller.opened, timeout=20000):  # type: ignore[attr-defined]
            window.start()
        if wait:
            wait_idle(qtbot, window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def window(make_window: object, kb_dir: Path) -> object:
    return make_window(kb_dir)  # type: ignore[operator]


@pytest.fixture
def controller(kb: object, qtbot: object) -> Iterator[object]:
    """An ``AppController`` over the test's open knowledge base (views are built over it)."""
    from ui.controller import AppController

    c = AppController()
    with qtbot.waitSignal(c.opened, timeout=20000):  # type: ignore[attr-defined]
        c.attach(kb)  # type: ignore[arg-type]
    yield c
    for pool in (c.pool, c.import_pool):
        pool.waitForDone(30000)


@pytest.fixture
def settle(qtbot: object) -> object:
    """``settle(controller)`` waits until every request the views made has been answered."""
    return lambda controller, timeout=20000: qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: not controller.busy(), timeout=timeout)
