/* portalgen: "Find your area". The home page's form sends a reader without JavaScript to the
   A to Z of places; with JavaScript the box suggests places from the site's own place index
   as the reader types (an ARIA combobox: arrow keys choose, Enter opens, Escape closes), and
   "Use my location" compares the browser's position with the ward boundaries the site
   publishes, in this page: the position is never sent anywhere or stored. */
(function () {
  "use strict";

  var LIMIT = 8;
  /* Among equal matches: wards, then councils and partnerships, then the many small areas
     ("Redditch 004A") that a resident rarely types. */
  var KINDS = { "ward": 0, "council": 1, "partnership": 2, "small area": 3 };

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  function load(url) {
    var cached = null;
    return function () {
      if (!cached) {
        cached = fetch(url, { credentials: "same-origin" }).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        });
        cached.catch(function () { cached = null; });
      }
      return cached;
    };
  }

  /* -1: the name is what was typed; 0: the name starts with it; 1: every word typed starts a word of the name;
     2: the name contains it; null: no match. */
  function score(name, query) {
    if (name === query) return -1;
    if (name.indexOf(query) === 0) return 0;
    var words = name.split(" ");
    var typed = query.split(" ");
    var all = typed.every(function (part) {
      return words.some(function (word) { return word.indexOf(part) === 0; });
    });
    if (all) return 1;
    return name.indexOf(query) >= 0 ? 2 : null;
  }

  function matches(places, query) {
    var found = [];
    places.forEach(function (place, index) {
      var rank = score(place.folded, query);
      if (rank !== null) found.push({ place: place, rank: rank, index: index });
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || (a.place.old ? 1 : 0) - (b.place.old ? 1 : 0) ||
        KINDS[a.place.kind] - KINDS[b.place.kind] || a.index - b.index;
    });
    return found.slice(0, LIMIT).map(function (item) { return item.place; });
  }

  function Finder(form) {
    this.form = form;
    this.root = new URL(form.getAttribute("data-pg-root"), window.location.href);
    this.input = form.querySelector(".pg-find__input");
    this.list = form.querySelector(".pg-find__list");
    this.status = form.querySelector(".pg-find__status");
    this.places = load(new URL(form.getAttribute("data-pg-places"), window.location.href));
    this.found = [];
    this.active = -1;
    this.input.setAttribute("role", "combobox");
    this.input.setAttribute("aria-autocomplete", "list");
    this.input.setAttribute("aria-expanded", "false");
    this.input.setAttribute("aria-controls", this.list.id);
    this.input.addEventListener("input", this.update.bind(this));
    this.input.addEventListener("keydown", this.key.bind(this));
    this.input.addEventListener("blur", this.blur.bind(this));
    this.input.addEventListener("focus", function () { this.places(); }.bind(this));
    form.addEventListener("submit", this.submit.bind(this));
  }

  Finder.prototype.update = function () {
    var query = fold(this.input.value);
    var self = this;
    if (!query) return this.close("");
    this.places().then(function (index) {
      if (fold(self.input.value) !== query) return;
      index.places.forEach(function (place) { place.folded = place.folded || fold(place.name); });
      self.show(matches(index.places, query));
    }, function () {
      self.close("The list of places could not be loaded: press Enter to see all places A to Z.");
    });
  };

  Finder.prototype.show = function (found) {
    var self = this;
    this.found = found;
    this.active = -1;
    this.list.textContent = "";
    found.forEach(function (place, index) {
      var option = document.createElement("li");
      option.id = "pg-find-option-" + index;
      option.className = "pg-find__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      var name = document.createElement("span");
      name.className = "pg-find__name";
      name.textContent = place.name;
      var where = document.createElement("span");
      where.className = "pg-find__where";
      where.textContent = place.where;
      option.appendChild(name);
      option.appendChild(where);
      option.addEventListener("mousedown", function (event) { event.preventDefault(); });
      option.addEventListener("click", function () { self.open(place); });
      self.list.appendChild(option);
    });
    this.list.hidden = !found.length;
    this.input.setAttribute("aria-expanded", found.length ? "true" : "false");
    this.input.removeAttribute("aria-activedescendant");
    this.status.textContent = found.length
      ? found.length + (found.length === 1 ? " place matches" : " places match") +
        ": press Enter to open " + found[0].name + ", or use the arrow keys to choose."
      : "No place matches. Press Enter to see all places A to Z.";
  };

  Finder.prototype.close = function (message) {
    this.found = [];
    this.active = -1;
    this.list.textContent = "";
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.status.textContent = message;
  };

  Finder.prototype.choose = function (index) {
    var options = this.list.children;
    if (!options.length) return;
    this.active = (index + options.length) % options.length;
    Array.prototype.forEach.call(options, function (option, i) {
      option.setAttribute("aria-selected", i === this.active ? "true" : "false");
    }, this);
    this.input.setAttribute("aria-activedescendant", options[this.active].id);
    options[this.active].scrollIntoView({ block: "nearest" });
  };

  Finder.prototype.key = function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (this.list.hidden) { this.update(); return; }
      event.preventDefault();
      this.choose(this.active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Escape" && !this.list.hidden) {
      event.preventDefault();
      this.close("");
    }
  };

  Finder.prototype.blur = function () {
    if (!this.list.hidden) this.close("");
  };

  /* Enter opens the chosen suggestion, else the top match, even if the reader was quicker
     than the place index; with no match the form goes on to the A to Z. */
  Finder.prototype.submit = function (event) {
    var place = this.found[this.active >= 0 ? this.active : 0];
    var query = fold(this.input.value);
    var self = this;
    event.preventDefault();
    if (place) return this.open(place);
    this.places().then(function (index) {
      index.places.forEach(function (p) { p.folded = p.folded || fold(p.name); });
      var top = query && matches(index.places, query)[0];
      if (top) self.open(top); else self.form.submit();
    }, function () { self.form.submit(); });
  };

  Finder.prototype.open = function (place) {
    window.location.href = new URL(place.url, this.root).href;
  };

  /* Ray casting: a point is inside when a ray from it crosses an odd number of edges of
     the area's rings (so holes count as outside). Coordinates are [longitude, latitude]. */
  function inside(x, y, rings) {
    var odd = false;
    rings.forEach(function (ring) {
      for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
        if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) odd = !odd;
      }
    });
    return odd;
  }

  function locator(section, finder, url) {
    var button = section.querySelector(".pg-find__locate-button");
    var status = section.querySelector(".pg-find__located");
    var shapes = load(url);
    section.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "Finding where you are…";
      navigator.geolocation.getCurrentPosition(function (position) {
        var x = position.coords.longitude, y = position.coords.latitude;
        shapes().then(function (data) {
          var area = data.areas.filter(function (a) { return inside(x, y, a.rings); })[0];
          if (!area) {
            status.textContent = "You are not inside any ward or small area on this portal. " +
              "Type a place name above, or see all places A to Z.";
            return;
          }
          status.textContent = area.old
            ? "You are in " + area.name + " as its boundaries were before " + area.old +
              " (the newest on this portal). Opening its page…"
            : "You are in " + area.name + ". Opening its page…";
          finder.open(area);
        }, function () {
          status.textContent = "The ward boundaries could not be loaded. Type a place name instead.";
        });
      }, function (error) {
        status.textContent = "Your location could not be found (" + error.message +
          "). Type a place name instead.";
      }, { maximumAge: 600000, timeout: 20000 });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".pg-find"), function (section) {
      var form = section.querySelector(".pg-find__form");
      if (!form || !window.fetch || !window.URL) return;
      var finder = new Finder(form);
      var locate = section.querySelector(".pg-find__locate");
      if (locate && navigator.geolocation) {
        locator(locate, finder, new URL(form.getAttribute("data-pg-shapes"), window.location.href));
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
