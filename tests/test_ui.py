"""End-to-end tests of the workbench UI in Debian's headless Chromium (driven by Playwright,
never a downloaded browser): load, filter, open an article, submit a correction and see it
persisted.  A screenshot of each main view is written to tests/artifacts/."""

import shutil
from pathlib import Path

import pytest
import workbench_store

from lagebild.server import create_app
from lagebild.server.background import BackgroundServer

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TOKEN = "ui-token"
playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect
pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not shutil.which("chromium"),
                                reason="Debian chromium not installed (.ci/run installs it)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = workbench_store.build(tmp_path_factory.mktemp("ui") / "wb.duckdb")
    app = create_app(db, write_token=TOKEN)
    with BackgroundServer(app) as url:
        yield url, db, app
    app.state.store.close()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        # Playwright gives the browser a fresh temporary profile (user data dir) itself.
        browser = p.chromium.launch(executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
                                    args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    yield page
    context.close()
    assert not errors, errors


def open_view(page, url, route=""):
    page.goto(f"{url}/#/{route}")
    page.wait_for_selector("#view[data-state=ready]")


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")


def test_event_table_loads_and_filters(page, server):
    url = server[0]
    open_view(page, url)
    assert page.locator("table.events tbody tr").count() == 7
    assert "Angreifen" in page.locator("table.events").inner_text()        # German labels
    shot(page, "events")
    page.select_option("#f-event", "ASSAULT")
    page.click("#filters button[type=submit]")
    expect(page.locator("table.events tbody tr")).to_have_count(1)
    assert "event=ASSAULT" in page.url
    page.fill("#filters input[name=actor]", "DEU")
    page.select_option("#f-event", "")
    page.click("#filters button[type=submit]")
    expect(page.locator("#range")).to_contain_text("von 2")
    page.click("#lang")
    expect(page.locator("#nav a").first).to_have_text("Events")
    expect(page.locator("table.events")).to_contain_text("Aid")     # re-rendered in English


def test_main_views_render(page, server):
    url = server[0]
    open_view(page, url, "timeline?period=month")
    assert page.locator("#timeline-chart svg rect").count() >= 6
    shot(page, "timeline")
    open_view(page, url, "network")
    assert page.locator("#network-chart g.node").count() == 6
    shot(page, "network")
    page.click("#network-chart line[data-dyad='RUS-USA']", force=True)
    page.wait_for_selector("#view[data-view=dyad][data-state=ready] #dyad-chart svg")
    assert "⇄" in page.inner_text("#dyad-summary") and ": 3 " in page.inner_text("#dyad-summary")
    assert page.locator("table.dyad-list tbody tr").count() == 3
    shot(page, "dyad")
    open_view(page, url, "map")
    assert page.locator("#map-chart circle").count() == 4
    assert page.locator("#map-chart path.has").count() >= 3
    shot(page, "map")
    page.click("#map-chart circle[data-place='Aleppo|SYR']", force=True)
    page.wait_for_selector("#view[data-view=events][data-state=ready]")
    assert page.locator("table.events tbody tr").count() == 1


def test_article_view_and_correction_persist(page, server):
    url, _, app = server
    open_view(page, url, "events?event=ASSAULT")
    page.click("table.events tbody tr")
    page.wait_for_selector("#view[data-view=article][data-state=ready]")
    assert "aleppo-angriff" in page.url
    marked = page.locator("#article-text mark").evaluate_all("ms => [...new Set(ms.map(m => m.dataset.events))]")
    assert sorted(marked) == ["aleppo-angriff:0", "aleppo-angriff:1"]       # two evidence spans
    assert page.locator("#article-text mark.sel").first.inner_text().startswith("Russische Kampfflugzeuge")
    assert page.locator("#article-text .act").count() >= 1 and page.locator("#article-text .rec").count() >= 1
    assert page.locator("#event-cards .card").count() == 2
    shot(page, "article")
    card = page.locator("#event-cards .card[data-id='aleppo-angriff:0']")
    card.locator("button.change").click()
    card.locator("select[name=event]").select_option("COERCE")
    card.locator("select[name=mode]").select_option("seize")
    page.fill("#token", TOKEN)
    card.locator("form.change-form button[type=submit]").click()
    page.wait_for_selector("#event-cards .card[data-id='aleppo-angriff:0'] .msg.ok")
    expect(card.locator("[data-status=corrected]")).to_have_count(1)
    # the other card: reject it
    other = page.locator("#event-cards .card[data-id='aleppo-angriff:1']")
    other.locator("button.reject").click()
    page.wait_for_selector("#event-cards .card[data-id='aleppo-angriff:1'] [data-status=rejected]")
    # persisted: a reload shows it, and so does the store
    page.reload()
    page.wait_for_selector("#view[data-view=article][data-state=ready]")
    first = page.locator("#event-cards .card[data-id='aleppo-angriff:0']")
    assert first.locator("[data-status=corrected]").count() == 1
    assert "Zwang ausüben" in first.inner_text() and "seize" in first.inner_text()
    cur = app.state.store.cursor()
    assert cur.execute("SELECT event, mode, status FROM reviewed_events WHERE id = 'aleppo-angriff:0'"
                       ).fetchone() == ("COERCE", "seize", "corrected")
    assert cur.execute("SELECT event FROM events WHERE id = 'aleppo-angriff:0'").fetchone() == ("ASSAULT",)
    assert cur.execute("SELECT count(*) FROM corrections").fetchone() == (2,)


def test_correction_without_token_is_explained(page, server):
    url = server[0]
    open_view(page, url, "article/berlin-hilfe")
    page.locator("#event-cards .card").first.locator("button.confirm").click()
    page.wait_for_selector("#event-cards .msg.err")
    assert "Token" in page.inner_text("#event-cards .msg.err")
