"""Line charts laid out for a phone and a larger screen: labels never collide, and the
first and last figures are always written."""

from __future__ import annotations

from portalgen.site.linechart import CHARACTER, NARROW, WIDE, line_chart

TREND = [(f"{2000 + i}/{1 + i:02d}", 1000.0 + 150 * (i % 3)) for i in range(12)]


def boxes(variant, font):
    for label in variant.labels:
        width = len(label.text) * CHARACTER * font
        yield label.text, label.x - width / 2, label.x + width / 2, label.y - font, label.y


def test_labels_fit_and_never_collide_with_a_dozen_periods():
    chart = line_chart("t", "A dozen years", TREND, "count")
    for variant, layout in zip(chart.variants, (NARROW, WIDE), strict=True):
        placed = list(boxes(variant, layout.font))
        for i, (text, left, right, top, bottom) in enumerate(placed):
            assert 0 <= left and right <= variant.width and top >= 0, text
            for other, left2, right2, top2, bottom2 in placed[i + 1 :]:
                apart = right <= left2 or right2 <= left or bottom <= top2 or bottom2 <= top
                assert apart, (variant.name, text, other)
        values = [label.text for label in variant.labels if label.style == "pg-value"]
        assert values[0] == "1,000" and values[-1] == "1,300"
    narrow, wide = chart.variants
    assert len(narrow.labels) < len(wide.labels)
    assert len(narrow.marks) == len(wide.marks) == 12
