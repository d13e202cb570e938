"""End to end in headless Chromium against a real server on 127.0.0.1: ask, open a citation
and find the highlight, switch language, filter figures and chart them, deep links with reload
and Back, the phone layout (390 × 844) and accessibility (axe-core, where installed).

Uses Debian's chromium (/usr/bin/chromium) driven by Playwright for Python; Playwright's own
browser download is never used. Skips, saying why, when either is missing. Screenshots go to
test-artifacts/ (gitignored)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from test_web import CORPUS, DEFENSIE_Q, DOC, running_server

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
TITLE = "Voortgang Banenafspraak overheid en onderwijs"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
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
expect = sync_api.expect
if not CHROMIUM.exists() and not shutil.which("chromium"):
    pytest.skip(
        "Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True
    )


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(CORPUS, tmp_path_factory.mktemp("browser-data")) as url:
        yield url


@pytest.fixture()
def open_page(base_url: str, tmp_path: Path) -> Iterator[Callable[..., object]]:
    """open_page(path, viewport, locale, dpr) -> a Playwright page at base_url + path."""
    ARTIFACTS.mkdir(exist_ok=True)
    executable = CHROMIUM if CHROMIUM.exists() else Path(str(shutil.which("chromium")))
    with sync_api.sync_playwright() as pw:
        contexts = []

        def open_(
            path: str = "/", viewport: dict = DESKTOP, locale: str = "en-GB", dpr: float = 1
        ) -> object:
            context = pw.chromium.launch_persistent_context(
                user_data_dir=str(tmp_path / f"profile-{len(contexts)}"),  # fresh profile
                executable_path=str(executable),
                headless=True,
                args=[*LAUNCH_ARGS, f"--lang={locale}"],
                viewport=viewport,
                locale=locale,
                device_scale_factor=dpr,
            )
            contexts.append(context)
            tab = context.new_page()
            tab.set_default_timeout(60_000)
            tab.goto(path if path.startswith("http") else base_url + path)
            return tab

        try:
            yield open_
        finally:
            for context in contexts:
                context.close()


def no_horizontal_scroll(page) -> None:
    width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], f"page is {width[0]} px wide in a {width[1]} px window"


def small_touch_targets(page) -> list[str]:
    """Visible buttons, links, selects and text fields under 44 × 44 CSS px."""
    return page.evaluate(
        """() => [...document.querySelectorAll(
                'button, a[href], select, input[type=text], label.check')]
            .filter((n) => n.offsetParent !== null && !n.closest('.skip'))
            .filter((n) => { const r = n.getBoundingClientRect();
                             return r.width < 44 || r.height < 44; })
            .map((n) => `${n.tagName} ${n.id || n.textContent.trim().slice(0, 30)}`)"""
    )


def assert_accessible(page, name: str) -> None:
    """No serious or critical axe-core violation on what the page shows now."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        pytest.skip("axe-playwright-python is not installed (pip install '.[web-test]')")
    result = Axe().run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, f"{name}: " + "; ".join(bad)


def wait_for_page_image(page) -> None:
    page.wait_for_function(
        "() => { const i = document.querySelector('#page-image');"
        " return i.complete && i.naturalWidth > 0 && !i.closest('.loading'); }"
    )


def assert_sharp(page) -> None:
    """The page image has at least one image pixel per device pixel."""
    wait_for_page_image(page)
    natural, shown, dpr = page.evaluate(
        "() => { const i = document.querySelector('#page-image');"
        " return [i.naturalWidth, i.getBoundingClientRect().width, devicePixelRatio]; }"
    )
    assert natural >= shown * dpr * 0.98, (natural, shown, dpr)
    assert natural <= shown * dpr * 1.6 + 600, "far larger than the screen needs"


def test_ask_open_citation_viewer_and_deep_link(open_page) -> None:
    page = open_page(dpr=2)
    page.fill("#question", DEFENSIE_Q)
    page.click("#ask-button")
    expect(page.locator("#answer-text")).to_contain_text("556")
    assert page.url.endswith("?q=" + quote(DEFENSIE_Q, safe=""))
    expect(page.locator("#history li")).to_have_count(1)

    # Citations name the letter by title, not by file stem.
    citation = page.locator(".citation").filter(has_text="556").first
    expect(citation).to_contain_text(TITLE)
    expect(citation).to_contain_text("p. 3")
    assert DOC not in citation.inner_text()
    citation.click()
    image = page.locator("#page-image")
    expect(image).to_have_attribute("src", f"/api/page/{DOC}/3.png?scale=2")  # 2 × 540 px
    assert_sharp(page)
    highlight = page.locator("#page-frame .highlight").first
    expect(highlight).to_be_visible()

    # The highlight lies on the image, on the Defensie paragraph (y = 538 of 842 points).
    box, frame = highlight.bounding_box(), image.bounding_box()
    assert box and frame
    assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
    relative_top = (box["y"] - frame["y"]) / frame["height"]
    assert 0.6 < relative_top < 0.67, relative_top
    expect(page.locator("#viewer-pdf")).to_have_attribute("href", f"/api/pdf/{DOC}#page=3")
    page.screenshot(path=str(ARTIFACTS / "desktop-answer.png"))
    assert_accessible(page, "answer with the viewer open")

    # Zoom doubles the page; the next page has no highlight and links the PDF at page 4.
    width = image.bounding_box()["width"]
    page.click("#zoom-in")
    page.click("#zoom-in")
    assert image.bounding_box()["width"] == pytest.approx(2 * width, rel=0.02)
    page.click("#page-next")
    expect(page.locator("#page-label")).to_have_text("page 4 of 8")
    expect(image).to_have_attribute("src", f"/api/page/{DOC}/4.png?scale=4")
    assert_sharp(page)
    expect(page.locator("#page-frame .highlight")).to_have_count(0)
    expect(page.locator("#viewer-pdf")).to_have_attribute("href", f"/api/pdf/{DOC}#page=4")
    page.keyboard.press("Escape")
    expect(page.locator("#viewer")).to_be_hidden()

    # A second question, then reload keeps it and Back returns to the first.
    page.fill("#question", "Hoeveel banen heeft de politie in 2021 gerealiseerd?")
    page.click("#ask-button")
    expect(page.locator("#answer-text")).to_contain_text("663")
    page.reload()
    expect(page.locator("#answer-text")).to_contain_text("663")
    expect(page.locator("#history li")).to_have_count(2)
    page.go_back()
    expect(page.locator("#answer-text")).to_contain_text("556")
    expect(page.locator("#question")).to_have_value(DEFENSIE_Q)
    page.go_back()
    expect(page.locator("#answer")).to_be_hidden()
    page.go_forward()
    expect(page.locator("#answer-text")).to_contain_text("556")


def test_deep_link_and_copy_as_markdown(open_page, base_url: str) -> None:
    page = open_page("/?q=" + quote(DEFENSIE_Q))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    expect(page.locator("#answer-text")).to_contain_text("556")
    page.click("#copy-md")
    expect(page.locator("#copy-status")).to_have_text("Copied.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith(f"**Question:** {DEFENSIE_Q}")
    assert "556" in copied and "**Sources**" in copied
    assert f"**{TITLE}, reports on 2020, p. 3**" in copied
    assert f"/api/pdf/{DOC}#page=3" in copied and "?q=" in copied
    page.click("#copy-text")
    text = page.evaluate("() => navigator.clipboard.readText()")
    assert "**" not in text and "Sources:" in text and f"1. {TITLE}" in text


def test_dutch_interface_follows_the_browser_and_toggles(open_page) -> None:
    page = open_page(locale="nl-NL")
    assert page.evaluate("document.documentElement.lang") == "nl"
    expect(page.locator("button.tab[data-view=ask]")).to_have_text("Vragen")
    expect(page.locator("#example-list button").first).to_contain_text("Hoeveel banen heeft")

    page.click("button.tab[data-view=figures]")
    rows = page.locator("#figures-table tbody tr")
    expect(rows.first).to_be_visible()
    page.select_option("select[name=sector]", "gemeenten")
    page.select_option("select[name=year]", "2020")
    expect(rows.filter(has_text="5.500").first).to_be_visible()
    table = " ".join(rows.all_inner_texts())
    assert "gerealiseerd" in table and "realised_jobs" not in table
    metric_options = page.locator("select[name=metric] option").all_inner_texts()
    assert not [o for o in metric_options if "_" in o], metric_options

    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator("button.tab[data-view=figures]")).to_have_text("Figures")
    expect(rows.filter(has_text="5,500").first).to_be_visible()
    assert "municipalities" in " ".join(rows.all_inner_texts())
    metric_options = page.locator("select[name=metric] option").all_inner_texts()
    assert "realised" in metric_options and not [o for o in metric_options if "_" in o]
    # the choice is kept over a reload
    page.reload()
    expect(page.locator("button.tab[data-view=ask]")).to_have_text("Ask")


def test_figures_chart_one_scale_filters_and_downloads(open_page) -> None:
    page = open_page("/?view=figures")
    rows = page.locator("#figures-table tbody tr")
    expect(rows.first).to_be_visible()
    total = rows.count()
    assert total > 10
    expect(page.locator("#chart-heading")).to_have_text("Realised and target jobs per sector, 2020")

    def bar(sector: str, slot: str = "realised") -> float:
        box = page.locator(f"#chart g[data-sector={sector}] rect.{slot}").bounding_box()
        assert box
        return box["width"]

    # One scale: municipalities' 5,500 is drawn about 13 times Police's 413.
    assert bar("gemeenten") / bar("politie") == pytest.approx(5500 / 413, rel=0.05)
    assert bar("rijk", "target") > bar("rijk")  # 4,072 target, 2,663 realised
    defensie = page.locator("#chart g[data-sector=defensie]")
    expect(defensie.locator("text.pct")).to_have_text("88%")
    page.screenshot(path=str(ARTIFACTS / "desktop-figures.png"), full_page=True)
    assert_accessible(page, "figures view")

    page.select_option("select[name=sector]", "gemeenten")
    page.select_option("select[name=year]", "2020")
    expect(page.locator("#figures-count")).not_to_have_text(f"{total} figures")
    assert all("municipalities" in t for t in rows.all_inner_texts())
    csv = page.locator("#download-csv")
    expect(csv).to_have_attribute("download", "figures-gemeenten-2020.csv")
    assert csv.get_attribute("href") == "/api/figures.csv?sector=gemeenten&year=2020"
    with page.expect_download() as download:
        csv.click()
    assert download.value.suggested_filename == "figures-gemeenten-2020.csv"

    rows.filter(has_text="5,500").first.click()
    expect(page.locator("#page-frame .highlight").first).to_be_visible()


def test_library_lists_letters_and_examples_come_from_the_figures(open_page) -> None:
    page = open_page()
    examples = page.locator("#example-list button")
    expect(examples.first).to_be_visible()
    # built from real sector-year pairs: the largest realised figures first
    expect(examples.first).to_have_text("What did municipalities realise in 2020?")
    examples.nth(1).click()
    expect(page.locator("#answer-text")).to_contain_text("2,663")
    assert not page.locator("#answer").evaluate("a => a.classList.contains('abstained')")

    page.click("button.tab[data-view=library]")
    card = page.locator("#library .card")
    expect(card).to_have_count(1)
    expect(card.locator("h3")).to_have_text(TITLE)
    text = card.inner_text()
    for needle in ("Minister van Binnenlandse Zaken", "kamerbrief", "Pages\n8", "2020"):
        assert needle in text, (needle, text)
    expect(card.locator("a.button-link")).to_have_attribute("href", f"/api/pdf/{DOC}#page=1")
    assert_accessible(page, "library view")
    card.get_by_role("button", name="Read").click()
    expect(page.locator("#page-label")).to_have_text("page 1 of 8")
    assert page.url.endswith("?view=library")


def test_phone_layout_one_column_no_sideways_scroll(open_page) -> None:
    page = open_page("/?q=" + quote(DEFENSIE_Q), viewport=PHONE)
    expect(page.locator("#answer-text")).to_contain_text("556")
    no_horizontal_scroll(page)
    page.locator(".citation").filter(has_text="556").first.click()
    wait_for_page_image(page)
    expect(page.locator("#page-frame .highlight").first).to_be_visible()
    no_horizontal_scroll(page)
    assert small_touch_targets(page) == []
    # One column: the viewer lies below the answer, and the Ask button is not covered.
    viewer, left = page.locator("#viewer").bounding_box(), page.locator(".left").bounding_box()
    assert viewer["y"] >= left["y"] + left["height"] - 1
    page.evaluate("window.scrollTo(0, 0)")
    assert page.evaluate(
        """() => { const b = document.querySelector('#ask-button').getBoundingClientRect();
                   const hit = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
                   return hit && hit.closest('#ask-button') !== null; }"""
    )
    page.screenshot(path=str(ARTIFACTS / "phone-answer.png"), full_page=True)
    assert_accessible(page, "phone answer")

    for view in ("library", "figures"):
        page.click(f"button.tab[data-view={view}]")
        if view == "figures":
            expect(page.locator("#figures-table tbody tr").first).to_be_visible()
            expect(page.locator("#chart svg")).to_be_visible()
        else:
            expect(page.locator("#library .card")).to_have_count(1)
        no_horizontal_scroll(page)
        assert small_touch_targets(page) == [], view
        page.screenshot(path=str(ARTIFACTS / f"phone-{view}.png"), full_page=True)
    assert_accessible(page, "phone figures")


def test_errors_are_said_in_words(open_page) -> None:
    page = open_page()
    page.eval_on_selector("#question", "el => el.removeAttribute('maxlength')")
    page.fill("#question", "waarom " * 100)
    page.click("#ask-button")
    error = page.locator("#error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("500 characters")

    page.route("**/api/ask?*", lambda route: route.abort())
    page.fill("#question", DEFENSIE_Q)
    page.click("#ask-button")
    expect(error).to_contain_text("cannot be reached")
    page.unroute("**/api/ask?*")
    page.route(
        "**/api/ask?*",
        lambda route: route.fulfill(
            status=500, content_type="application/json", body='{"detail":"internal error: X"}'
        ),
    )
    page.click("#ask-button")
    expect(error).to_contain_text("Something went wrong on the server")
    assert "500" not in error.inner_text() and "Failed to fetch" not in error.inner_text()
    expect(page.locator("#ask-button")).to_be_enabled()


# --- adding and removing letters (a server of its own over a copy: the corpus is changed) -----
LETTERS = ROOT / "eval" / "synth" / "letters"
UPLOAD_BASE = "synth-003-sector-2019"
UPLOAD_NEW = "synth-001-voortgang-2020"  # police realised 439 jobs in 2020, page 1


@pytest.fixture(scope="module")
def upload_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    corpus = tmp_path_factory.mktemp("browser-upload-corpus")
    shutil.copy(LETTERS / f"{UPLOAD_BASE}.pdf", corpus)
    with running_server(corpus, tmp_path_factory.mktemp("browser-upload-data")) as url:
        yield url, corpus


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_add_a_letter_with_the_file_button_ask_about_it_and_remove_it(
    open_page, upload_server: tuple[str, Path], viewport: dict
) -> None:
    url, corpus = upload_server
    page = open_page(url + "/?view=library", viewport=viewport)
    cards = page.locator("#library .card")
    expect(cards).to_have_count(1)
    expect(page.locator("#upload-zone")).to_be_visible()
    expect(page.locator("#upload-limit")).to_contain_text("20 MB")
    assert_accessible(page, "library view with the upload zone")

    page.set_input_files("#upload-input", str(LETTERS / f"{UPLOAD_NEW}.pdf"))
    item = page.locator("#upload-list li").first
    expect(item).to_have_class(re.compile(r"\bdone\b"), timeout=180_000)
    expect(item).to_contain_text("4 pages")
    expect(cards).to_have_count(2)
    card = cards.filter(has=page.locator(f"button[data-remove='{UPLOAD_NEW}']"))
    assert "Pages\n4" in card.inner_text()
    assert (corpus / f"{UPLOAD_NEW}.pdf").exists()

    # a file dropped on the view: not a PDF inside, so one line says why and nothing changes
    drop = page.evaluate_handle("""() => { const dt = new DataTransfer();
        dt.items.add(new File(["just some text"], "notes.pdf", { type: "application/pdf" }));
        return dt; }""")
    page.dispatch_event("#library-view", "drop", {"dataTransfer": drop})
    failed = page.locator("#upload-list li").first
    expect(failed).to_have_class(re.compile(r"\bfailed\b"))
    expect(failed).to_contain_text("Not added: notes.pdf: not a PDF (no %PDF header)")
    expect(cards).to_have_count(2)
    no_horizontal_scroll(page)
    assert small_touch_targets(page) == []
    page.screenshot(path=str(ARTIFACTS / f"upload-{viewport['width']}.png"), full_page=True)
    assert_accessible(page, "library view after uploads")

    # its figures and an answer citing it, without a restart
    card.get_by_role("button", name="Show its figures").click()
    expect(page.locator("#figures-table tbody tr").filter(has_text="439").first).to_be_visible()
    page.click("button.tab[data-view=ask]")
    page.fill("#question", "How many jobs did the police realise in 2020?")
    page.click("#ask-button")
    expect(page.locator("#answer-text")).to_contain_text("439")
    expect(page.locator(".citation").filter(has_text="439").first).to_contain_text("p. 1")

    # remove it again: confirm, gone from the list, the figures and the folder
    page.click("button.tab[data-view=library]")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"button[data-remove='{UPLOAD_NEW}']").click()
    expect(cards).to_have_count(1)
    expect(page.locator("#library-status")).to_contain_text("Removed")
    assert not (corpus / f"{UPLOAD_NEW}.pdf").exists()
    assert (corpus / f"{UPLOAD_BASE}.pdf").exists()
