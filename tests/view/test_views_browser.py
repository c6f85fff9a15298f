"""`naba view` as a person sees it: a real headless Chromium, every network request blocked."""
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph.network import load_network
from graph.views import layout_view, select_view, write_view
from ingest.model import RELATIONS

from .conftest import run_naba

SMALL = Path(__file__).with_name("data") / "small.trig"


@contextmanager
def opened(browser, html: Path, viewport=(1100, 700)):
    """The page, drawn, with what it tried to fetch, the dialogs it opened, its JS errors."""
    outside, dialogs, errors = [], [], []
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
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
        page.wait_for_selector("body[data-interactive=true]", state="attached", timeout=60_000)
    except Exception as exc:  # a page that never draws: say why
        raise AssertionError(f"{html.name} was never drawn; page errors: {errors}") from exc
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


def default_shown(graph, **options) -> tuple[set, int]:
    """The keys of the nodes the page opens on and its number of edges, from the network: the
    top entities that have an asserted edge to another of them."""
    held, _ = select_view(graph, **options)
    layout = layout_view(held)
    top = set(layout.order[:layout.top])
    edges = [(u, v) for u, v in held.edges() if u in top and v in top]
    return {n for e in edges for n in e}, len(edges)


def shown_keys(page) -> set:
    return set(page.evaluate("naba.nodesView.getIds().map(i => naba.data.nodes[i][0])"))


def painted_pixels(page) -> int:
    return page.evaluate("""(() => {
        const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 240) n++;
        return n; })()""")


def node_index(page, key: str) -> int:
    return page.evaluate("k => naba.data.nodes.findIndex(n => n[0] === k)", key)


def click_node(page, key: str) -> None:
    """A real mouse click on the node's disk, where vis-network drew it."""
    i = node_index(page, key)
    page.evaluate("i => naba.network.focus(i, {scale: 1.5, animation: false})", i)
    point = page.evaluate("i => naba.network.canvasToDOM(naba.network.getPositions([i])[i])", i)
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_the_page_works_offline_with_vis_loaded(page):
    page, outside, _, errors = page
    assert page.evaluate("typeof vis") == "object"
    assert outside == [] and errors == []


def test_the_page_shows_every_entity_with_a_relation_and_their_edges(page):
    page, *_ = page
    keys, edges = default_shown(load_network(SMALL))
    assert shown_keys(page) == keys
    assert page.evaluate("naba.edgesView.length") == edges


def test_a_relation_filter_hides_its_edges(page):
    page, *_ = page
    before = page.evaluate("naba.edgesView.length")
    page.uncheck("#relations input[value='accuses']")
    after = page.evaluate("naba.edgesView.length")
    page.check("#relations input[value='accuses']")
    accuses = sum(1 for *_, k in load_network(SMALL).edges(keys=True) if k == "accuses")
    assert (before - after, page.evaluate("naba.edgesView.length")) == (accuses, before)
    assert f"{before} edges" in page.inner_text("#shown")


def test_search_finds_a_node_by_arabic_or_english_name_and_centres_on_it(page):
    page, *_ = page
    for query in ("لافروف", "lavrov", "سيرغى لافروف"):
        page.evaluate("naba.network.moveTo({position: {x: 5000, y: 5000}, scale: 1})")
        page.fill("#search", query)
        page.click("#search-form button")
        assert "Sergei Lavrov" in page.inner_text("#search-result"), query
        i = node_index(page, "sergei-lavrov")
        centre = page.evaluate("naba.network.getViewPosition()")
        node = page.evaluate("i => naba.network.getPositions([i])[i]", i)
        assert abs(centre["x"] - node["x"]) < 1 and abs(centre["y"] - node["y"]) < 1


def test_the_labels_switch_between_arabic_and_english(page):
    page, *_ = page
    i = node_index(page, "russia")
    assert page.evaluate("i => naba.nodes.get(i).label", i) == "روسيا"
    page.check("#labels input[value='en']")
    labels = page.evaluate("naba.nodes.get().map(n => n.label)")
    assert page.evaluate("i => naba.nodes.get(i).label", i) == "Russia"
    # an entity with no English label keeps its Arabic one
    j = node_index(page, "russian-ministry-of-defense")
    assert labels[j] == "وزارة الدفاع الروسية"
    page.check("#labels input[value='ar']")
    assert page.evaluate("i => naba.nodes.get(i).label", i) == "روسيا"


def set_period(page, first: str, last: str) -> None:
    """Move the two period sliders to the days ``first`` and ``last``, as a user drags them."""
    days = page.evaluate("naba.data.days")
    for slider, day in (("#to", last), ("#from", first), ("#to", last)):
        page.locator(slider).fill(str(days.index(day)))


def enter(page, field: str, value: str) -> None:
    """Type ``value`` into the page's number field and commit it, as a user does."""
    page.fill(field, value)
    page.locator(field).dispatch_event("change")


def test_the_period_slider_keeps_the_statements_of_its_days(page):
    page, *_ = page
    graph = load_network(SMALL)
    set_period(page, "2016-04-02", "2016-04-10")
    shown = page.evaluate("naba.edgesView.get().map(e => [naba.data.nodes[e.from][0], "
                          "naba.data.nodes[e.to][0]])")
    expected = {(u, v) for u, v, d in graph.edges(data=True)
                if any("2016-04-02" <= day <= "2016-04-10" for day in d["dates"])}
    assert {tuple(e) for e in shown} == expected and expected
    assert "2016-04-02 – 2016-04-10" in page.inner_text("#period")
    days = page.evaluate("naba.data.days")
    set_period(page, days[0], days[-1])
    assert "with undated statements" in page.inner_text("#period")
    assert page.evaluate("naba.edgesView.length") == default_shown(graph)[1]


def test_a_minimum_of_statements_keeps_the_stronger_edges(page):
    page, *_ = page
    enter(page, "#min-weight", "2")
    shown = page.evaluate("naba.edgesView.get().map(e => naba.data.nodes[e.from][0])")
    enter(page, "#min-weight", "1")
    assert shown == ["sergei-lavrov"]  # Lavrov accuses the United States in a1 and a2


def test_the_number_of_entities_shown_can_be_changed_on_the_page(page):
    page, *_ = page
    enter(page, "#top", "3")
    few = page.evaluate("naba.nodesView.length")
    enter(page, "#top", "100")
    assert 2 <= few <= 3 and page.locator("#top").input_value() == "8"  # 8 with a relation
    assert page.evaluate("naba.nodesView.length") == len(default_shown(load_network(SMALL))[0])


def test_a_click_on_a_node_opens_its_statements_with_evidence_date_and_article(page):
    page, *_ = page
    click_node(page, "sergei-lavrov")
    panel = page.locator("#details")
    assert "open" in panel.get_attribute("class")
    text = panel.inner_text()
    assert "سيرغي لافروف (Sergei Lavrov)" in text and "3 statements" in text and "3 listed" in text
    assert "accuses → " in text and "الولايات المتحدة (United States)" in text
    assert "meets → جون كيري (John Kerry)" in text and "undated · article a4" in text
    assert "اتهم وزير الخارجية الروسي سيرغي لافروف الولايات المتحدة بدعم الإرهاب." in text
    assert "2016-03-27 · article a1" in text and "2016-04-02 · article a2" in text
    links = panel.locator("a").evaluate_all("xs => xs.map(a => a.href)")
    assert links == ["https://example.org/news/a1"]  # a2's javascript: address is no link
    page.click("#details-close")
    assert "open" not in panel.get_attribute("class")


def test_hostile_article_text_is_shown_as_text_and_runs_nothing(page):
    page, _, dialogs, _ = page
    us, russia = node_index(page, "united-states"), node_index(page, "russia")
    edge = page.evaluate("([a, b]) => naba.edges.get().find(e => e.from === a && e.to === b).id",
                         [us, russia])
    page.evaluate("id => naba.network.emit('hoverEdge', {edge: id, pointer: {DOM: {x: 20, y: 20}}})",
                  edge)
    tip = page.locator("#tooltip")
    assert "<img src=x onerror=alert(1)>" in tip.inner_text()
    assert tip.locator("img, b").count() == 0
    person = node_index(page, "abu-hamza")
    page.evaluate("id => naba.network.emit('hoverNode', {node: id, pointer: {DOM: {x: 20, y: 20}}})",
                  person)
    assert "</script><script>window.__xss=2</script>" in tip.inner_text()
    click_node(page, "united-states")
    assert page.locator("#details img, #details b").count() == 0
    page.click("#details-close")
    assert page.evaluate("window.__xss") is None and dialogs == []


def test_the_drawing_is_not_blank(page, tmp_path):
    page, *_ = page
    assert painted_pixels(page) > 500
    shot = tmp_path / "view.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_the_same_graph_gives_the_same_page(tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write_view(SMALL, first)
    write_view(SMALL, second)
    assert first.read_bytes() == second.read_bytes()


def assert_drawn(browser, html: Path, keys: set, edges: int) -> None:
    """The page draws without a script error the nodes ``keys`` and ``edges`` edges."""
    with opened(browser, html) as (page, outside, _, errors):
        assert errors == [] and outside == []
        assert shown_keys(page) == keys
        assert page.evaluate("naba.edgesView.length") == edges
        legend = page.eval_on_selector_all("#relations input", "xs => xs.map(x => x.value)")
        drawn = page.evaluate("[...new Set(naba.edgesView.get().map(e => "
                              "naba.data.relations[naba.data.edges[e.id][2]].name))]")
        assert set(drawn) <= set(legend)
        assert painted_pixels(page) > 500


@pytest.mark.parametrize("relations", [["meets"], ["strikes", "supports"]])
def test_a_relations_filter_gives_a_drawn_page(browser, tmp_path, relations):
    html = tmp_path / "view.html"
    write_view(SMALL, html, relations=relations)
    assert_drawn(browser, html, *default_shown(load_network(SMALL), relations=relations))


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
    assert_drawn(browser, html, *default_shown(graph))


def test_the_seeds_graph_with_a_relations_filter_is_drawn(browser, seeds_graph, tmp_path):
    html = tmp_path / "seeds-accuses.html"
    made = run_naba("view", seeds_graph, "-o", html, "--relations", "accuses,strikes")
    assert made.returncode == 0, made.stderr
    keys, edges = default_shown(load_network(seeds_graph), relations=["accuses", "strikes"])
    assert edges > 0
    assert_drawn(browser, html, keys, edges)
