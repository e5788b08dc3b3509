"""`journey site`: the static website built from journey files, checked as files (the browser tests are in test_site_browser.py)."""

from __future__ import annotations

import html.parser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT

from journeycli.site.pages import CSP, web_url

HOSTILE = FIXTURES / "render" / "hostile.journey.yaml"
LINKS = FIXTURES / "site" / "links.journey.yaml"
EXAMPLE_IDS = sorted(
    re.search(r"^id: (\S+)", p.read_text(encoding="utf-8"), re.M)[1] for p in [*EXAMPLES.glob("*.journey.yaml"), *(EXAMPLES / "portfolio").glob("*.journey.yaml")]
)


class _Page(html.parser.HTMLParser):
    """The links, scripts, styles and attributes of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.attributes: list[tuple[str, str]] = []
        self.scripts: list[dict] = []
        self.styles = 0
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        named = dict(attrs)
        self.attributes += [(tag, name) for name, _ in attrs]
        for name, value in attrs:
            if name in ("href", "src", "xlink:href", "action", "srcset") and value is not None:
                self.refs.append((tag, name, value))
        if "id" in named:
            self.ids.append(named["id"])
        if tag == "script":
            self.scripts.append(named)
        if tag == "style":
            self.styles += 1

    def handle_data(self, data):
        self.text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def example_site(tmp_path_factory):
    """The site of examples/, built once through the real command."""
    out = tmp_path_factory.mktemp("site") / "site"
    done = subprocess.run([sys.executable, "-m", "journeycli", "site", str(EXAMPLES), "-o", str(out)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return out, done


def test_the_index_lists_every_journey_with_its_page(example_site):
    out, done = example_site
    assert f"built the site of {len(EXAMPLE_IDS)} journeys" in done.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    for journey_id in EXAMPLE_IDS:
        assert f'href="journeys/{journey_id}/index.html"' in index
        page = out / "journeys" / journey_id / "index.html"
        assert page.is_file()
        source = next(p for p in EXAMPLES.rglob("*.journey.yaml") if f"\nid: {journey_id}\n" in p.read_text(encoding="utf-8"))
        assert (out / "journeys" / journey_id / "source.yaml").read_bytes() == source.read_bytes()
        assert (out / "journeys" / journey_id / "map.svg").read_bytes().startswith(b"<?xml")
    assert index.count("<tr data-search=") == len(EXAMPLE_IDS)
    for name in ("pains.html", "opportunities.html", "owners.html", "assets/site.css", "assets/site.js", ".journey-site"):
        assert (out / name).is_file(), name


def test_a_journey_page_has_the_map_the_flow_the_details_of_every_step_and_the_personas(example_site):
    out, _ = example_site
    folder = out / "journeys" / "ecommerce-checkout"
    text = (folder / "index.html").read_text(encoding="utf-8")
    source = (EXAMPLES / "ecommerce-checkout.journey.yaml").read_text(encoding="utf-8")
    steps = re.findall(r"^      - id: (\S+)\n        name:", source, re.M)
    assert len(steps) == 22
    for step in steps:
        assert f'<article class="step" id="step-{step}"' in text
        assert f'href="#step-{step}" class="step-link" data-step="{step}"' in text  # the box on the map links to it
    assert text.count('<svg class="journey-') == 2  # the map and the flow view, inline
    assert '<svg class="journey-map"' in text and '<svg class="journey-flow"' in text
    assert '<button type="button" aria-pressed="false" data-persona="bargain-hunter">Bargain hunter</button>' in text
    assert '<article class="step" id="step-compare-offers" aria-labelledby="step-compare-offers-name" data-personas="bargain-hunter">' in text
    assert '<g id="map-pains_compare-offers" class="node lane-pains" data-steps="compare-offers">' in text  # faded with its step
    ids = _parse(folder / "index.html").ids
    assert len(ids) == len(set(ids)), "ids are unique although two SVGs share one page"
    assert sorted(p.name for p in folder.iterdir()) == ["flow.svg", "index.html", "map.svg", "source.yaml"]
    assert '<a href="source.yaml" download="ecommerce-checkout.journey.yaml">' in text


def test_pdf_downloads_only_when_asked_and_an_engine_makes_them(cli, tmp_path):
    out = tmp_path / "site"
    if shutil.which("dot") is None:
        done = cli("site", LINKS, "-o", out, "--pdf")
        assert done.code == 2 and "--pdf needs the system Graphviz" in done.err
        return
    assert cli("site", LINKS, "-o", out, "--pdf").code == 0
    assert (out / "journeys" / "links" / "map.pdf").read_bytes().startswith(b"%PDF")
    assert 'href="map.pdf"' in (out / "journeys" / "links" / "index.html").read_text(encoding="utf-8")
    done = cli("site", LINKS, "-o", out, "--pdf", "--engine", "graphviz-pure")
    assert done.code == 2 and "--pdf needs the system Graphviz" in done.err


def test_links_between_journeys_go_both_ways(example_site):
    out, _ = example_site
    future = (out / "journeys" / "checkout-2027" / "index.html").read_text(encoding="utf-8")
    current = (out / "journeys" / "checkout" / "index.html").read_text(encoding="utf-8")
    assert 'Future state of <a href="../../journeys/checkout/index.html">' in future
    assert 'Its future state: <a href="../../journeys/checkout-2027/index.html">' in current


def test_every_page_is_self_contained_with_relative_links_that_resolve(example_site):
    """No link starts with / or leaves the site except the footer's and http(s) sources; every local link names a file of the site."""
    out, _ = example_site
    pages = sorted(out.rglob("*.html"))
    assert len(pages) == 4 + len(EXAMPLE_IDS)
    for page in pages:
        parsed = _parse(page)
        for tag, _attribute, value in parsed.refs:
            parts = urlsplit(value)
            if parts.scheme in ("http", "https"):
                assert tag == "a", (page, value)  # never a script, style or image from elsewhere
                continue
            assert not parts.scheme and not parts.netloc and not value.startswith("/"), (page, value)
            if parts.path:
                target = (page.parent / unquote(parts.path)).resolve()
                assert target.is_file() and out.resolve() in target.parents, (page, value)
            if parts.fragment and not parts.path:
                assert parts.fragment in parsed.ids, (page, value)


def test_every_page_has_the_content_security_policy_and_nothing_inline(example_site):
    out, _ = example_site
    assert "default-src 'self'" in CSP and "script-src 'self'" in CSP and "unsafe" not in CSP
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        parsed = _parse(page)
        assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in text.replace("&#39;", "'")
        assert [s.get("src") for s in parsed.scripts] == [os.path.relpath(out / "assets" / "site.js", page.parent)]
        assert parsed.styles == 0
        assert not [a for a in parsed.attributes if a[1].startswith("on") or a[1] == "style"], page


def test_building_twice_gives_the_same_bytes(example_site, tmp_path):
    out, _ = example_site
    again = tmp_path / "again"
    done = subprocess.run([sys.executable, "-m", "journeycli", "site", str(EXAMPLES), "-o", str(again)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    first, second = _files(out), _files(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_hostile_text_is_shown_literally_and_never_becomes_markup(cli, tmp_path):
    out = tmp_path / "site"
    done = cli("site", HOSTILE, "-o", out)
    assert done.code == 0, done.err
    for page in [out / "index.html", *out.glob("journeys/hostile/*.html"), out / "pains.html", out / "opportunities.html", out / "owners.html"]:
        text = page.read_text(encoding="utf-8")
        parsed = _parse(page)
        assert "<script>alert" not in text and "<b>team</b>" not in text and "<img" not in text, page
        assert len(parsed.scripts) == 1
        assert not [a for a in parsed.attributes if a[1].startswith("on")]
        assert not [v for _, _, v in parsed.refs if v.lower().lstrip().startswith(("javascript:", "data:"))]
    journey = (out / "journeys" / "hostile" / "index.html").read_text(encoding="utf-8")
    shown = "".join(_parse(out / "journeys" / "hostile" / "index.html").text)
    assert "<script>alert('title')</script>" in shown  # the title, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in journey
    assert 'URL="http://evil.example/" <a href="javascript:alert(1)">click</a>' in shown


def test_source_links_are_http_or_https_only(cli, tmp_path):
    out = tmp_path / "site"
    assert cli("site", LINKS, "-o", out).code == 0
    parsed = _parse(out / "journeys" / "links" / "index.html")
    external = [v for tag, _, v in parsed.refs if tag == "a" and urlsplit(v).scheme]
    assert sorted(set(external)) == ["https://example.com/survey?a=1&b=<2>", "https://github.com/journeycli/journeycli"]
    shown = "".join(parsed.text)
    assert "javascript:alert(document.domain)" in shown and "/etc/passwd" in shown  # still readable, as text


def test_web_url_keeps_http_and_https_addresses_only():
    assert web_url("https://example.com/x") == "https://example.com/x"
    assert web_url(" HTTP://example.com ") == "HTTP://example.com"
    for bad in (None, "", "javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "file:///etc/passwd", "/etc/passwd", "//evil.example/x", "https://", "http://[::1"):
        assert web_url(bad) is None, bad


def test_the_output_folder_is_replaced_only_when_it_is_a_site(cli, tmp_path):
    out = tmp_path / "site"
    assert cli("site", LINKS, "-o", out).code == 0
    (out / "stale.html").write_text("left from before", encoding="utf-8")
    assert cli("site", LINKS, "-o", out).code == 0
    assert not (out / "stale.html").exists()  # the folder is the site, rebuilt as a whole
    other = tmp_path / "docs"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    done = cli("site", LINKS, "-o", other)
    assert done.code == 2 and "refusing to replace" in done.err and (other / "notes.txt").read_text(encoding="utf-8") == "mine"
    maps = tmp_path / "maps"
    maps.mkdir()
    shutil.copy(LINKS, maps / "links.journey.yaml")
    done = cli("site", maps, "-o", maps)
    assert done.code == 2 and "holds the journey file" in done.err
    done = cli("site", LINKS)
    assert done.code == 2 and "needs -o DIR" in done.err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".building", ".old"))]


def test_a_site_inside_the_folder_of_its_journeys_is_rebuilt_without_reading_itself(cli, tmp_path):
    maps = tmp_path / "maps"
    maps.mkdir()
    shutil.copy(LINKS, maps / "links.journey.yaml")
    for _ in range(2):
        done = cli("site", maps, "-o", maps / "site")
        assert done.code == 0 and "built the site of 1 journey " in done.err
    assert cli("lint", maps).code == 0  # the copy on the site (source.yaml) is not a journey file to lint


def test_invalid_journeys_are_left_out_and_reported(cli, tmp_path):
    maps = tmp_path / "maps"
    maps.mkdir()
    shutil.copy(LINKS, maps / "links.journey.yaml")
    (maps / "broken.journey.yaml").write_text("format: 1\nid: broken\ntitle: Broken\nstages: []\n", encoding="utf-8")
    done = cli("site", maps, "-o", tmp_path / "site")
    assert done.code == 1
    assert "broken.journey.yaml:4:9" in done.out and "built the site of 1 journey " in done.err
    assert (tmp_path / "site" / "journeys" / "links" / "index.html").is_file()
    assert not (tmp_path / "site" / "journeys" / "broken").exists()


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-11-02T10:00:00Z", "GIT_COMMITTER_DATE": "2026-11-02T10:00:00Z"}
    subprocess.run(["git", "-c", "user.name=Ana", "-c", "user.email=ana@example.com", *args], cwd=cwd, check=True, capture_output=True, env=env)


def test_inside_a_repository_a_page_shows_the_last_changes_in_diff_words(cli, tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    target = repo / "links.journey.yaml"
    shutil.copy(LINKS, target)
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "First map")
    target.write_text(LINKS.read_text(encoding="utf-8").replace("emotion: 1", "emotion: -1"), encoding="utf-8")
    _git(repo, "commit", "-qam", "Reading hurts <b>now</b>")
    out = tmp_path / "site"
    assert cli("site", repo, "-o", out).code == 0
    page = (out / "journeys" / "links" / "index.html").read_text(encoding="utf-8")
    assert "What changed recently" in page and "Reading hurts &lt;b&gt;now&lt;/b&gt;" in page
    assert "~ emotion: +1 → -1" in page or "emotion: 1 → -1" in page
    assert page.index("Reading hurts") < page.index("First map")  # newest first
    assert cli("site", repo, "-o", out, "--history", "0").code == 0
    assert "What changed recently" not in (out / "journeys" / "links" / "index.html").read_text(encoding="utf-8")


def _bench():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_page_of_a_60_step_journey_is_under_1_mb(cli, tmp_path):
    path = tmp_path / "sixty.journey.yaml"
    path.write_text(_bench().make_journey(60, 60), encoding="utf-8")
    out = tmp_path / "site"
    assert cli("site", path, "-o", out).code == 0
    (page,) = out.glob("journeys/*/index.html")
    assert 300_000 < page.stat().st_size < 1_000_000  # the map, the flow and the details of 60 steps, inline


def test_serve_builds_serves_on_loopback_and_rebuilds_on_change(tmp_path):
    maps = tmp_path / "maps"
    maps.mkdir()
    target = maps / "links.journey.yaml"
    shutil.copy(LINKS, target)
    out = tmp_path / "site"
    server = subprocess.Popen([sys.executable, "-m", "journeycli", "site", str(maps), "-o", str(out), "--serve", "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline()
        address = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert address, line
        deadline = time.monotonic() + 60
        while not (out / "index.html").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        with urllib.request.urlopen(address[1] + "journeys/links/index.html", timeout=10) as response:
            assert "Links of every kind" in response.read().decode("utf-8")
        target.write_text(LINKS.read_text(encoding="utf-8").replace("title: Links of every kind", "title: Links renamed"), encoding="utf-8")
        seen = ""
        while "Links renamed" not in seen and time.monotonic() < deadline:
            time.sleep(0.3)
            with urllib.request.urlopen(address[1] + "index.html", timeout=10) as response:
                seen = response.read().decode("utf-8")
        assert "Links renamed" in seen
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()


@pytest.mark.online
def test_a_non_editable_install_ships_the_templates_and_assets(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    import zipfile

    (wheel,) = tmp_path.glob("journeycli-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("journey.html", "index.html", "base.html", "macros.html", "pains.html", "opportunities.html", "owners.html"):
        assert f"journeycli/site/templates/{name}" in names
    assert "journeycli/site/assets/site.css" in names and "journeycli/site/assets/site.js" in names
