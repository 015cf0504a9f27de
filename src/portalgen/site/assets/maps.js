/* portalgen: the map as a way into the place pages. Each map page's own script (map.js,
   made by folium) ends with portalgenMap.attach(map, layer). Every area is then named on
   the map where its name fits inside its shape and clears the names already placed (so
   small areas are named only when zoomed in), and every shape leads to its page: with a
   mouse, hovering previews and a click opens; on a touch screen, a first tap previews (name
   and figure, with a link) and a second tap on the same shape opens; with a keyboard, Tab
   moves from area to area and Enter opens. Names are set as text, never as HTML. */
(function () {
  "use strict";

  var SPILL = 1.25; /* a name may be this much wider than its shape, no more */

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = content;
    return element;
  }

  function summary(properties) {
    var element = document.createElement("span");
    element.appendChild(text("strong", "", properties.name));
    element.appendChild(document.createTextNode(": " + properties.figure));
    return element;
  }

  function open(layer) {
    window.location.href = layer.feature.properties.href;
  }

  function Preview(frame) {
    this.panel = document.createElement("div");
    this.panel.className = "pg-map-preview";
    this.panel.setAttribute("aria-live", "polite");
    this.panel.hidden = true;
    frame.appendChild(this.panel);
    this.layer = null;
  }

  Preview.prototype.show = function (layer) {
    var properties = layer.feature.properties;
    this.hide();
    this.layer = layer;
    layer.setStyle({ weight: 4 });
    layer.closeTooltip();
    var line = text("p", "", "");
    line.appendChild(summary(properties));
    var link = text("a", "", "Open the page for " + properties.name);
    link.href = properties.href;
    var hint = text("p", "", "");
    hint.appendChild(link);
    hint.appendChild(document.createTextNode(", or tap the area again."));
    var close = text("button", "pg-map-preview-close", "Close");
    close.type = "button";
    close.addEventListener("click", this.hide.bind(this));
    this.panel.replaceChildren(line, hint, close);
    this.panel.hidden = false;
  };

  Preview.prototype.hide = function () {
    if (this.layer) this.layer.setStyle({ weight: 1 });
    this.layer = null;
    this.panel.hidden = true;
  };

  function reachable(layer, preview, input) {
    var path = layer.getElement();
    var properties = layer.feature.properties;
    layer.bindTooltip(summary(properties), { sticky: true, className: "pg-map-tip" });
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "link");
    path.setAttribute("aria-label", properties.name + ": " + properties.figure);
    path.addEventListener("focus", function () {
      layer.openTooltip(layer.getBounds().getCenter());
      layer.setStyle({ weight: 4 });
    });
    path.addEventListener("blur", function () {
      layer.closeTooltip();
      if (preview.layer !== layer) layer.setStyle({ weight: 1 });
    });
    path.addEventListener("keydown", function (event) {
      if (event.key === "Enter") open(layer);
    });
    layer.on("click", function () {
      if (input.touch && preview.layer !== layer) preview.show(layer);
      else open(layer);
    });
  }

  function label(map, layer) {
    var properties = layer.feature.properties;
    var name = text("span", "", properties.name);
    var icon = L.divIcon({ className: "pg-map-label", html: name, iconSize: null });
    var marker = L.marker(properties.at, { icon: icon, interactive: false, keyboard: false });
    marker.addTo(map);
    marker.getElement().setAttribute("aria-hidden", "true");
    return { layer: layer, name: name, element: marker.getElement() };
  }

  function boxOf(element, origin) {
    var box = element.getBoundingClientRect();
    return {
      left: box.left - origin.left - 2,
      top: box.top - origin.top - 2,
      right: box.right - origin.left + 2,
      bottom: box.bottom - origin.top + 2,
    };
  }

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  function fits(map, label, box) {
    var bounds = label.layer.getBounds();
    var corner = map.latLngToContainerPoint(bounds.getNorthWest());
    var opposite = map.latLngToContainerPoint(bounds.getSouthEast());
    var width = opposite.x - corner.x;
    var height = opposite.y - corner.y;
    return box.right - box.left <= width * SPILL && box.bottom - box.top <= height;
  }

  function layout(map, labels) {
    var origin = map.getContainer().getBoundingClientRect();
    var placed = [];
    labels.forEach(function (label) {
      label.element.classList.remove("pg-map-label--hidden");
      var box = boxOf(label.name, origin);
      var shown = fits(map, label, box) && !placed.some(function (other) {
        return overlaps(box, other);
      });
      if (shown) placed.push(box);
      else label.element.classList.add("pg-map-label--hidden");
    });
  }

  function largestFirst(a, b) {
    function size(label) {
      var bounds = label.layer.getBounds();
      return (bounds.getNorth() - bounds.getSouth()) * (bounds.getEast() - bounds.getWest());
    }
    return size(b) - size(a);
  }

  function attach(map, geojson) {
    var frame = map.getContainer().parentNode;
    var preview = new Preview(frame);
    var input = { touch: false };
    map.getContainer().addEventListener("pointerdown", function (event) {
      input.touch = event.pointerType !== "mouse";
    }, true);
    var labels = [];
    geojson.eachLayer(function (layer) {
      reachable(layer, preview, input);
      labels.push(label(map, layer));
    });
    labels.sort(largestFirst);
    var again = function () { layout(map, labels); };
    map.on("zoomend moveend resize", again);
    window.addEventListener("load", again);
    again();
  }

  window.portalgenMap = { attach: attach };
})();
