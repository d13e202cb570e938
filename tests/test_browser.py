"""End to end in headless Chromium: ask the Defensie question, see 556, open the citation and
find the highlight on the rendered page; then the figures view filters and charts.

Uses Debian's chromium (/usr/bin/chromium) driven by Playwright for Python; Playwright's own
browser download is never used. Skips, saying why, when either is missing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_web import CORPUS, DEFENSIE_Q, DOC, running_server

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install '.[web-test]')"
)
if not CHROMIUM.exists() and not shutil.which("chromium"):
    pytest.skip(
        "Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True
    )


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(CORPUS, tmp_path_factory.mktemp("browser-data")) as url:
        yield url


@pytest.fixture()
def page(base_url: str, tmp_path: Path) -> Iterator[object]:
    ARTIFACTS.mkdir(exist_ok=True)
    executable = CHROMIUM if CHROMIUM.exists() else Path(str(shutil.which("chromium")))
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "chromium-profile"),  # fresh profile every test
            executable_path=str(executable),
            headless=True,
            args=LAUNCH_ARGS,
            viewport={"width": 1400, "height": 1000},
        )
        try:
            tab = context.new_page()
            tab.set_default_timeout(60_000)
            tab.goto(base_url)
            yield tab
        finally:
            context.close()


def test_ask_defensie_and_see_the_highlighted_citation(page) -> None:
    page.fill("#question", DEFENSIE_Q)
    page.click("#ask-button")
    answer = page.locator("#answer-text")
    sync_api.expect(answer).to_contain_text("556")

    citation = page.locator(".citation", has_text="p. 3:").filter(has_text="556").first
    citation.click()
    image = page.locator("#page-image")
    sync_api.expect(image).to_have_attribute("src", f"/api/page/{DOC}/3.png")
    page.wait_for_function(
        "() => { const i = document.querySelector('#page-image');"
        " return i.complete && i.naturalWidth > 0; }"
    )
    highlight = page.locator("#page-frame .highlight").first
    sync_api.expect(highlight).to_be_visible()

    # The highlight lies on the image, on the Defensie paragraph (y = 538 of 842 points).
    box, frame = highlight.bounding_box(), image.bounding_box()
    assert box and frame
    assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
    relative_top = (box["y"] - frame["y"]) / frame["height"]
    assert 0.6 < relative_top < 0.67, relative_top

    page.screenshot(path=str(ARTIFACTS / "browser-defensie-highlight.png"), full_page=True)


def test_figures_view_filters_and_charts(page) -> None:
    page.click("button.tab[data-view=figures-view]")
    rows = page.locator("#figures-table tbody tr")
    sync_api.expect(rows.first).to_be_visible()
    total = rows.count()
    assert total > 10
    sync_api.expect(page.locator("#chart svg rect.realised").first).to_be_attached()

    page.select_option("select[name=sector]", "defensie")
    sync_api.expect(page.locator("#figures-count")).not_to_have_text(f"{total} figures")
    texts = rows.all_inner_texts()
    assert texts and all(t.startswith("Defence") for t in texts)
    chart_labels = page.locator("#chart svg text").all_text_contents()
    assert "Defence 2020" in chart_labels
    assert page.locator("#download-csv").get_attribute("href").endswith("sector=defensie")

    rows.filter(has_text="556").first.click()
    sync_api.expect(page.locator("#page-frame .highlight").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "browser-figures.png"), full_page=True)


def test_overlong_question_shows_a_message(page) -> None:
    page.eval_on_selector("#question", "el => el.removeAttribute('maxlength')")
    page.fill("#question", "waarom " * 100)
    page.click("#ask-button")
    error = page.locator("#error")
    sync_api.expect(error).to_be_visible()
    sync_api.expect(error).to_contain_text("500 characters")
