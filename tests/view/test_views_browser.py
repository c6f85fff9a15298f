"""`naba view` as a person sees it: a real headless Chromium, every network request blocked."""
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph.network import load_network
from graph.views import select_view, write_view
from ingest.model import RELATIONS

from .conftest import require_tool, run_naba

SMALL = Path(__file__).with_name("data") / "small.trig"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def _need_browser():
    require_tool("chromium")
    return pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    api = _need_browser()
    with api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@contextmanager
def opened(browser, html: Path):
    """The page, laid out, with what it tried to fetch, the dialogs it opened, its JS errors."""
    outside, dialogs, errors = [], [], []
    page = browser.new_page(viewport={"width": 1100, "height": 700})
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        if r.request.url.startswith("file:"):
            return r.continue_()
        outside.append(r.request.url)
        return r.abort("internetdisconnected")

    page.route("**/*", route)
    page.goto(html.as_uri())  # waits for the load event: the page's script has run
    assert errors == [], f"{html.name}: the page's script failed: {errors}"
    try:
        # a selector, not wait_for_function: the page's CSP forbids the eval that polling uses
        page.wait_for_selector("body[data-stabilized=true]", state="attached", timeout=60_000)
    except Exception as exc:  # a page that never lays out: say why
        raise AssertionError(f"{html.name} never laid out; page errors: {errors}") from exc
    try:
        yield page, outside, dialogs, errors
    finally:
        page.close()


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    html = tmp_path_factory.mktemp("view") / "view.html"
    write_view(SMALL, html)
    with opened(browser, html) as opened_page:
        yield opened_page


def painted_pixels(page) -> int:
    return page.evaluate("""(() => {
        const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 240) n++;
        return n; })()""")


def test_the_page_works_offline_with_vis_loaded(page):
    page, outside, _, errors = page
    assert page.evaluate("typeof vis") == "object"
    assert outside == [] and errors == []


def test_the_page_shows_every_node_and_edge_of_the_graph(page):
    page, *_ = page
    graph = load_network(SMALL)
    shown = page.evaluate("[naba.nodesView.length, naba.edgesView.length]")
    assert shown == [graph.number_of_nodes(), graph.number_of_edges()]


def test_a_relation_filter_hides_its_edges(page):
    page, *_ = page
    before = page.evaluate("naba.edgesView.length")
    page.uncheck("#relations input[value='accuses']")
    after = page.evaluate("naba.edgesView.length")
    page.check("#relations input[value='accuses']")
    accuses = sum(1 for *_, k in load_network(SMALL).edges(keys=True) if k == "accuses")
    assert (before - after, page.evaluate("naba.edgesView.length")) == (accuses, before)
    assert f"{before} edges" in page.inner_text("#shown")


def test_search_finds_a_node_by_arabic_or_english_name(page):
    page, *_ = page
    for query in ("لافروف", "lavrov", "سيرغى لافروف"):
        page.fill("#search", query)
        page.click("#search-form button")
        assert "Sergei Lavrov" in page.inner_text("#search-result"), query


def test_hostile_article_text_is_shown_as_text_and_runs_nothing(page):
    page, _, dialogs, _ = page
    edge = page.evaluate("""naba.edges.get().find(e => e.from !== undefined &&
        naba.nodes.get(e.from).key === 'united-states' && naba.nodes.get(e.to).key === 'russia').id""")
    page.evaluate("id => naba.network.emit('hoverEdge', {edge: id, pointer: {DOM: {x: 20, y: 20}}})",
                  edge)
    tip = page.locator("#tooltip")
    assert "<img src=x onerror=alert(1)>" in tip.inner_text()
    assert tip.locator("img, b").count() == 0
    person = page.evaluate("naba.nodes.get().find(n => n.key === 'abu-hamza').id")
    page.evaluate("id => naba.network.emit('hoverNode', {node: id, pointer: {DOM: {x: 20, y: 20}}})",
                  person)
    assert "</script><script>window.__xss=2</script>" in tip.inner_text()
    assert page.evaluate("window.__xss") is None and dialogs == []


def test_the_drawing_is_not_blank(page, tmp_path):
    page, *_ = page
    assert painted_pixels(page) > 500
    shot = tmp_path / "view.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def assert_drawn(browser, html: Path, graph) -> None:
    """The page lays out without a script error and draws every node and edge of ``graph``."""
    with opened(browser, html) as (page, outside, _, errors):
        assert errors == [] and outside == []
        shown = page.evaluate("[naba.nodesView.length, naba.edgesView.length]")
        assert shown == [graph.number_of_nodes(), graph.number_of_edges()]
        legend = page.eval_on_selector_all("#relations input", "xs => xs.map(x => x.value)")
        assert sorted(legend) == sorted({r for *_, r in graph.edges(data="relation")})
        assert painted_pixels(page) > 500


@pytest.mark.parametrize("relations", [["meets"], ["strikes", "supports"]])
def test_a_relations_filter_gives_a_drawn_page(browser, tmp_path, relations):
    html = tmp_path / "view.html"
    write_view(SMALL, html, relations=relations)
    shown, _ = select_view(load_network(SMALL), relations=relations)
    assert_drawn(browser, html, shown)


@pytest.fixture(scope="module")
def seeds_graph(shared_dir, tmp_path_factory) -> Path:
    """The five seed articles built by ``naba build``: a graph that lacks some relations."""
    out = tmp_path_factory.mktemp("seeds") / "seeds.ttl"
    built = run_naba("build", shared_dir / "corpus" / "seeds", "-o", out, "--quiet")
    assert built.returncode == 0, built.stderr
    return out


def test_the_seeds_graph_is_drawn(browser, seeds_graph, tmp_path):
    graph = load_network(seeds_graph)
    assert {r for *_, r in graph.edges(data="relation")} < set(RELATIONS)  # some are missing
    html = tmp_path / "seeds.html"
    made = run_naba("view", seeds_graph, "-o", html)
    assert made.returncode == 0, made.stderr
    assert_drawn(browser, html, select_view(graph)[0])  # asserted edges, named actors


def test_the_seeds_graph_with_a_relations_filter_is_drawn(browser, seeds_graph, tmp_path):
    html = tmp_path / "seeds-accuses.html"
    made = run_naba("view", seeds_graph, "-o", html, "--relations", "accuses,strikes")
    assert made.returncode == 0, made.stderr
    shown, _ = select_view(load_network(seeds_graph), relations=["accuses", "strikes"])
    assert shown.number_of_edges() > 0
    assert_drawn(browser, html, shown)
