/* portalgen: the map as a way into the place pages. Each map page's own script (map.js,
   made by folium) ends with portalgenMap.attach(map, layer). Every area is then named on
   the map where its name fits inside its shape and clears the names already placed (so
   small areas are named only when zoomed in), and every shape leads to its page: with a
   mouse, hovering previews and a click opens; on a touch screen, a first tap previews (name
   and figure, with a link) and a second tap on the same shape opens; with a keyboard, Tab
   moves from area to area and Enter opens. Names are set as text, never as HTML. */
(function () {
  "use strict";

  var INSET = 0.25; /* a name fits if its middle line, less this share of its width at each
    end, and the middle of its top and bottom edges are inside its shape */
  var LONG = 12; /* a longer name is set on two lines, broken at the space nearest its middle */

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

  function twoLines(name) {
    var middle = name.length / 2;
    var best = -1;
    for (var i = name.indexOf(" "); i !== -1; i = name.indexOf(" ", i + 1)) {
      if (best === -1 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
    }
    if (name.length <= LONG || best === -1) return name;
    return name.slice(0, best) + "\n" + name.slice(best + 1);
  }

  function label(map, layer) {
    var properties = layer.feature.properties;
    var name = text("span", "", twoLines(properties.name));
    var icon = L.divIcon({ className: "pg-map-label", html: name, iconSize: null });
    var marker = L.marker(properties.at, { icon: icon, interactive: false, keyboard: false });
    marker.addTo(map);
    marker.getElement().setAttribute("aria-hidden", "true");
    var shape = rings(layer.getLatLngs());
    return { layer: layer, name: name, element: marker.getElement(), shape: shape };
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

  function rings(latlngs) {
    if (latlngs.length && latlngs[0] instanceof L.LatLng) return [latlngs];
    return latlngs.reduce(function (all, part) { return all.concat(rings(part)); }, []);
  }

  function inside(shape, point) {
    var odd = false;
    shape.forEach(function (ring) {
      for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        var a = ring[i], b = ring[j];
        if ((a.lat > point.lat) !== (b.lat > point.lat) &&
            point.lng < (b.lng - a.lng) * (point.lat - a.lat) / (b.lat - a.lat) + a.lng) {
          odd = !odd;
        }
      }
    });
    return odd;
  }

  function fits(map, label, box) {
    var x = (box.left + box.right) / 2, y = (box.top + box.bottom) / 2;
    var dx = (box.right - box.left) * (0.5 - INSET);
    var points = [[x, y], [x - dx, y], [x + dx, y], [x, box.top], [x, box.bottom]];
    return points.every(function (point) {
      return inside(label.shape, map.containerPointToLatLng(point));
    });
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
