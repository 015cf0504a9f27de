"""What a reader sees of charts and tables at a given width, measured in the browser.

``chart_problems`` measures every piece of text inside every chart (``figure.pg-chart-figure``):
its rendered size (the computed font size times the scale its SVG is drawn at) and whether
its box overlaps another's. ``table_problems`` measures every table: a word broken inside
itself across two lines (each word's rendered rectangles, through ``Range.getClientRects``),
and anything cut off (the table wider than the space it has, with no scrolling container
that a keyboard can reach and that has a name).
"""

from __future__ import annotations

WIDTHS = (320, 360, 1280)
SMALLEST_TEXT = 12.0

_CHART_TEXT = """(smallest) => {
  const problems = [];
  const texts = [];
  const visible = (r) => r.width > 0 && r.height > 0;
  document.querySelectorAll('figure.pg-chart-figure').forEach((figure, f) => {
    const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
    const boxes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = node.textContent.trim();
      if (!words) continue;
      const element = node.parentElement;
      if (element.closest('title, desc, style')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter(visible);
      if (!rects.length) continue;
      const svg = element.closest('svg');
      const scale = svg && svg.getScreenCTM() ? Math.abs(svg.getScreenCTM().a) : 1;
      const size = parseFloat(getComputedStyle(element).fontSize) * scale;
      if (size < smallest - 0.01) {
        problems.push(`chart ${f + 1}: "${words}" is ${size.toFixed(1)} px`);
      }
      rects.forEach((r) => boxes.push({words, r}));
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r, b = boxes[j].r;
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across > 1 && down > 1) {
          problems.push(`chart ${f + 1}: "${boxes[i].words}" overlaps "${boxes[j].words}"`);
        }
      }
    }
  });
  return problems;
}"""

_TABLE_TEXT = """() => {
  const problems = [];
  const visible = (r) => r.width > 0 && r.height > 0;
  const name = (el) => {
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    const byId = ids.map((id) => document.getElementById(id)?.textContent || '').join(' ');
    return (byId || el.getAttribute('aria-label') || '').trim();
  };
  const tables = [...document.querySelectorAll('article table')];
  tables.forEach((table, t) => {
    const label = `table ${t + 1}`;
    if (!visible(table.getBoundingClientRect())) return;
    table.querySelectorAll('th, td').forEach((cell) => {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent;
        for (const match of text.matchAll(/[^\\s\\-\\/\u2013\u2014]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].filter(visible)
            .map((r) => Math.round(r.top)));
          if (tops.size > 1) problems.push(`${label}: "${match[0]}" is broken across lines`);
        }
      }
      if (cell.classList.contains('pg-number') && getComputedStyle(cell).textAlign !== 'right') {
        problems.push(`${label}: the figure "${cell.textContent.trim()}" is not right-aligned`);
      }
      const clipped = getComputedStyle(cell).overflowX !== 'visible';
      if (clipped && cell.scrollWidth > cell.clientWidth + 1) {
        const words = cell.textContent.trim().slice(0, 30);
        problems.push(`${label}: a cell's text is cut off ("${words}")`);
      }
    });
    const box = table.getBoundingClientRect();
    let holder = table.parentElement;
    while (holder && holder !== document.body) {
      const style = getComputedStyle(holder);
      if (/(auto|scroll)/.test(style.overflowX)) break;
      holder = holder.parentElement;
    }
    const scrolls = holder && holder !== document.body;
    const space = scrolls ? holder.getBoundingClientRect() : {left: 0, right: innerWidth};
    const wide = box.right > space.right + 1 || box.left < space.left - 1
      || table.scrollWidth > table.clientWidth + 1;
    if (!wide) return;
    if (!scrolls) { problems.push(`${label} is cut off: it is wider than the page`); return; }
    if (holder.tabIndex < 0) problems.push(`${label} scrolls in a box the keyboard cannot reach`);
    if (!name(holder)) problems.push(`${label} scrolls in a box with no name`);
    if (holder.getAttribute('role') !== 'region') {
      problems.push(`${label} scrolls in a box that is not a region`);
    }
  });
  return problems;
}"""


def chart_problems(page) -> list[str]:
    """Chart text smaller than 12 px, and pairs of chart texts that overlap."""
    return page.evaluate(_CHART_TEXT, SMALLEST_TEXT)


def table_problems(page) -> list[str]:
    """Words broken inside a table cell, and tables cut off without a way to scroll."""
    return page.evaluate(_TABLE_TEXT)
