"""`journey site` in a real browser: Debian's Chromium, headless, driven by selenium through the system chromedriver.

Skipped (with the reason) where Chromium, its driver or selenium is missing; `.ci/run` installs them.
Every page visited is checked for console errors (a violation of the Content-Security-Policy is one) and
for requests that leave the site's folder.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
try:
    import selenium  # noqa: F401
except ImportError:  # pragma: no cover - the [test] extra installs it
    selenium = None

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None or selenium is None,
    reason="needs Chromium, chromedriver and selenium (apt-get install chromium chromium-driver; pip install -e '.[test]')",
)
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions", "--hide-scrollbars",
)  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser") / "site"
    done = subprocess.run([sys.executable, "-m", "journeycli", "site", str(EXAMPLES), str(FIXTURES / "render" / "hostile.journey.yaml"), "-o", str(out)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return out


def _driver(javascript: bool = True, width: int = 1400, height: int = 1000):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='journey-chromium-')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service(DRIVER), options=options)


@pytest.fixture(scope="module")
def browser():
    driver = _driver()
    yield driver
    driver.quit()


def _open(browser, page: Path):
    browser.get(page.as_uri())
    browser.get_log("browser")  # the page's own messages are read by _check after the test's actions


def _check(browser, site: Path):
    """No console errors, and every request the page made stayed inside the site's folder."""
    errors = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    root = site.resolve().as_uri() + "/"
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            assert not url.startswith(("http:", "https:", "ws:", "wss:", "ftp:")), url  # nothing goes to the network
            if message["params"].get("documentURL", "").startswith(root):  # the browser's own pages (chrome://) aside
                assert url.startswith((root, "data:", "blob:")), url
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert all(name.startswith((root, "data:", "blob:")) for name in resources), resources


def test_the_index_lists_every_journey_and_search_filters_it(browser, site):
    from selenium.webdriver.common.by import By

    _open(browser, site / "index.html")
    rows = browser.find_elements(By.CSS_SELECTOR, "#journeys tbody tr")
    assert len(rows) == 9 and all(row.is_displayed() for row in rows)
    assert "Web shop checkout, from cart to parcel" in browser.find_element(By.ID, "journeys").text
    search = browser.find_element(By.ID, "search")
    search.send_keys("parcel")
    shown = [row.text for row in rows if row.is_displayed()]
    assert len(shown) == 2 and all("parcel" in text.lower() for text in shown)
    assert browser.find_element(By.ID, "shown-count").text == "Showing 2 of 9 journeys"
    search.send_keys(" nothing-like-this")
    assert not [row for row in rows if row.is_displayed()] and browser.find_element(By.ID, "no-match").is_displayed()
    search.clear()
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.ID, "filter-state")).select_by_value("future")
    assert [row.text.split("\n")[0] for row in rows if row.is_displayed()] == ["Checkout as it should work in 2027"]
    _check(browser, site)


def test_a_journey_page_shows_the_map_and_a_click_on_a_step_shows_its_details(browser, site):
    from selenium.webdriver.common.by import By

    _open(browser, site / "journeys" / "ecommerce-checkout" / "index.html")
    svg = browser.find_element(By.CSS_SELECTOR, "#map-frame svg.journey-map")
    assert svg.is_displayed() and svg.size["width"] > 1000
    panel = browser.find_element(By.ID, "step-panel")
    assert not panel.is_displayed()
    step = browser.find_element(By.CSS_SELECTOR, '#map-frame .step-link[data-step="enter-address"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", step)
    step.click()
    assert panel.is_displayed()
    assert browser.find_element(By.ID, "step-panel-heading").text == "Enters the delivery address"
    details = browser.find_element(By.ID, "step-panel-body").text.lower()
    assert "channel\nweb shop (mobile browser)" in details and "pain points" in details and "moderated mobile checkout test" in details
    assert browser.switch_to.active_element == browser.find_element(By.ID, "step-panel-heading")
    browser.find_element(By.ID, "step-panel-close").click()
    assert not panel.is_displayed()
    _check(browser, site)


def test_the_persona_switcher_changes_what_is_drawn(browser, site):
    from selenium.webdriver.common.by import By

    _open(browser, site / "journeys" / "ecommerce-checkout" / "index.html")

    def drawn():
        return {e.get_attribute("data-steps") for e in browser.find_elements(By.CSS_SELECTOR, "#map-frame .step") if e.value_of_css_property("opacity") == "1"}

    def listed():
        return {e.get_attribute("id") for e in browser.find_elements(By.CSS_SELECTOR, "article.step") if e.is_displayed()}

    everyone, all_listed = drawn(), listed()
    assert len(everyone) == len(all_listed) == 22
    browser.find_element(By.CSS_SELECTOR, '#personas button[data-persona="busy-parent"]').click()
    parent = drawn()
    assert parent and parent < everyone and "compare-offers" not in parent  # the bargain hunter's step fades
    assert listed() == {f"step-{s}" for s in parent}
    assert browser.find_element(By.ID, "persona-count").text == f"{len(parent)} of 22 steps taken by Busy parent"
    faded = browser.find_element(By.CSS_SELECTOR, '#map-frame .step-link[data-step="compare-offers"]')
    assert faded.get_attribute("tabindex") == "-1"  # the keyboard skips what is faded
    browser.find_element(By.CSS_SELECTOR, '#personas button[data-persona=""]').click()
    assert drawn() == everyone and faded.get_attribute("tabindex") is None
    _check(browser, site)


def test_lanes_can_be_hidden_and_shown(browser, site):
    from selenium.webdriver.common.by import By

    _open(browser, site / "journeys" / "ecommerce-checkout" / "index.html")
    cards = browser.find_elements(By.CSS_SELECTOR, "#map-frame .lane-pains")
    assert cards and all(card.value_of_css_property("display") != "none" for card in cards)
    box = browser.find_element(By.CSS_SELECTOR, '#lanes input[data-lane="pains"]')
    box.click()
    assert all(card.value_of_css_property("display") == "none" for card in cards)
    assert all(e.value_of_css_property("display") != "none" for e in browser.find_elements(By.CSS_SELECTOR, "#map-frame .step"))
    box.click()
    assert all(card.value_of_css_property("display") != "none" for card in cards)
    _check(browser, site)


def test_the_keyboard_reaches_every_step_and_enter_opens_it(browser, site):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, site / "journeys" / "ecommerce-checkout" / "index.html")
    steps = {e.get_attribute("data-step") for e in browser.find_elements(By.CSS_SELECTOR, "#map-frame .step-link")}
    assert len(steps) == 22
    reached: set[str] = set()
    browser.find_element(By.TAG_NAME, "body").click()
    for _ in range(400):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        step = browser.switch_to.active_element.get_attribute("data-step")
        if step:
            reached.add(step)
        if reached == steps:
            break
    assert reached == steps
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert browser.find_element(By.ID, "step-panel").is_displayed()
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not browser.find_element(By.ID, "step-panel").is_displayed()
    assert browser.switch_to.active_element.get_attribute("data-step") == step  # focus goes back to the step
    _check(browser, site)


def test_the_png_download_draws_the_map_in_the_browser(browser, site, tmp_path):
    import time

    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    _open(browser, site / "journeys" / "ecommerce-checkout" / "index.html")
    browser.find_element(By.ID, "download-png").click()
    png = tmp_path / "ecommerce-checkout.png"
    deadline = time.monotonic() + 60
    while not (png.exists() and png.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.2)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > 5000 and height > 1000  # the whole map, at twice its size (a canvas drawn from file:// is not tainted)
    _check(browser, site)


def test_hostile_text_runs_no_script_and_shows_literally(browser, site):
    from selenium.webdriver.common.by import By

    _open(browser, site / "journeys" / "hostile" / "index.html")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("<script>alert('title')</script>")
    assert browser.execute_script("return document.querySelectorAll('script').length") == 1
    browser.find_element(By.CSS_SELECTOR, '#map-frame .step-link[data-step="a"]').click()
    assert browser.find_element(By.ID, "step-panel-heading").text == "<script>alert(1)</script> moment of truth"
    _check(browser, site)


def test_every_page_loads_without_console_errors_or_outside_requests(browser, site):
    pages = sorted(site.glob("*.html")) + sorted(site.glob("journeys/*/*.html"))
    assert len(pages) == 4 + 9
    for page in pages:
        _open(browser, page)
        _check(browser, site)


def test_without_javascript_the_details_are_on_the_page_and_the_controls_hidden(site):
    from selenium.webdriver.common.by import By

    driver = _driver(javascript=False)
    try:
        driver.get((site / "index.html").as_uri())
        assert not driver.find_element(By.ID, "filters").is_displayed()
        assert len(driver.find_elements(By.CSS_SELECTOR, "#journeys tbody tr")) == 9
        driver.get((site / "journeys" / "ecommerce-checkout" / "index.html").as_uri())
        assert not driver.find_element(By.ID, "lanes").is_displayed() and not driver.find_element(By.ID, "personas").is_displayed()
        link = driver.find_element(By.CSS_SELECTOR, '#map-frame .step-link[data-step="choose-payment"]')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", link)
        link.click()  # a plain link: to the step's details below the map
        assert driver.current_url.endswith("#step-choose-payment")
        assert driver.find_element(By.ID, "step-choose-payment").is_displayed()
    finally:
        driver.quit()


@pytest.mark.parametrize("width", [1600, 1024, 800, 500])
def test_the_map_opens_at_its_start_in_a_box_as_wide_as_the_page(browser, site, width):
    """At any width the map's box fits the page (it scrolls inside, the page does not) and opens at the
    map's top left at a readable zoom: the title and the first stage are on screen, not cut off."""
    from selenium.webdriver.common.by import By

    browser.set_window_size(width, 900)
    try:
        _open(browser, site / "journeys" / "clinic-visit" / "index.html")
        frame = browser.find_element(By.ID, "map-frame")
        browser.execute_script("arguments[0].scrollIntoView()", frame)
        box = browser.execute_script(
            "var f = arguments[0], r = f.getBoundingClientRect(), t = f.querySelector('svg text');"
            "return {left: r.left, right: r.right, page: document.documentElement.clientWidth,"
            " pageScroll: document.documentElement.scrollWidth, x: f.scrollLeft, y: f.scrollTop,"
            " text: t.getBoundingClientRect().left - r.left, level: parseInt(document.getElementById('zoom-level').textContent, 10)}",
            frame,
        )
        assert box["left"] >= 0 and box["right"] <= box["page"] and box["pageScroll"] <= box["page"], box  # the page does not scroll sideways
        assert (box["x"], box["y"]) == (0, 0) and 0 <= box["text"] < 100, box  # the map's start, its first words on screen
        assert 75 <= box["level"] <= 100, box
        _check(browser, site)
    finally:
        browser.set_window_size(1400, 1000)
