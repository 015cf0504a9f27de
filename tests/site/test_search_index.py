"""The search index holds what a page says, not the sources and citation box every
generated page ends with (it made the index a quarter larger)."""

import json


def test_sources_and_citation_are_left_out_of_search(example_site):
    index = json.loads((example_site.root / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "Data for this page" not in text
    assert "Cite this page" not in text
    assert "Permanent address on this site" not in text
    assert "Confidence in policing" in text
