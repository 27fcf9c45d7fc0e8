import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "heading"),
    [("/de/behandlungen/", "Knie"), ("/en/treatments/", "Knee")],
)
def test_index_lists_denervation_under_each_region(
    client, denervation_page, url, heading
):
    html = client.get(url).content.decode()

    assert (
        html.count(f"{denervation_page.title_de}")
        + html.count(denervation_page.title_en)
        == 5
    )
    assert f">{heading}</h2>" in html


def test_index_filters_by_region_without_script(client, denervation_page):
    html = client.get("/en/treatments/?region=knee").content.decode()

    assert ">Knee</h2>" in html
    assert ">Hip</h2>" not in html
    assert 'href="/en/treatments/?region=knee" aria-current="page"' in html
    assert html.count("Denervation (thermocoagulation)</a>") == 1


def test_index_unknown_region_shows_all(client, denervation_page):
    response = client.get("/en/treatments/?region=elbow")

    assert response.status_code == 200
    assert ">Hip</h2>" in response.content.decode()


def test_index_hides_draft_treatments(client, denervation_page):
    denervation_page.unpublish()

    html = client.get("/en/treatments/").content.decode()

    assert "Denervation (thermocoagulation)" not in html
    assert "There are no treatment pages for this body region yet." in html
