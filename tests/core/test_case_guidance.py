"""The guidance resources: where to find a second-opinion doctor and the main guidelines."""

from __future__ import annotations

from organizer.core.case.guidance import guidance_topics


def test_guidance_names_the_places_to_find_doctors_and_guidelines_with_secure_addresses() -> None:
    topics = guidance_topics()
    assert [t.id for t in topics] == ["find-a-doctor", "treatment-guidelines"]
    links = [link for topic in topics for link in topic.links]
    titles = " ".join(link.title for link in links)
    for name in ("Cancer centers", "ABMS", "AMA", "American College of Surgeons", "ASCO", "NCCN",
                 "PDQ"):
        assert name in titles
    assert all(link.url.startswith("https://") and link.description for link in links)
    assert len({link.url for link in links}) == len(links)
