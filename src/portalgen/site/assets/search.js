/* portalgen: the search page (/search/). The header's form sends the words here as ?q=;
   this script asks the site's Pagefind index (search/pagefind/, made by the build) and
   lists the pages found as links with a short extract, most relevant first: Pagefind's
   score times the square root of the page's boost (partnership pages first), for the
   best 30. The boosts come from the small boost files the build writes beside the index
   (search/pagefind/boost/, see site/search.py), so only the 10 pages shown are loaded,
   and 10 more for each "Show more results". (A boost as a Pagefind filter would rank
   every page found, but Pagefind 1.5.2 writes filters in a different order on every
   build, the site must be the same byte for byte, and the list of the thousands of
   wards weighs 20 KB at 300 partnerships.) The number found is announced in a live
   region. Pagefind downloads only the parts of the index the words need, so a
   search costs about the same however many partnerships the portal has. Without
   JavaScript the page links to the A to Z pages instead. */
(function () {
  "use strict";
  var PAGE = 10; // results shown at a time
  var WINDOW = 3; // results ranked with their boost: PAGE * WINDOW of Pagefind's best

  var form = document.querySelector("form[data-pg-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("pg-search-status");
  var list = document.querySelector(".pg-search__results");
  var more = document.querySelector(".pg-search__more");
  var intro = document.querySelector(".pg-search__nojs");
  var bundle = new URL(form.getAttribute("data-pg-search"), location.href).href;
  var engine = null;
  var found = [];
  var shown = 0;
  var asked = 0;

  intro.textContent = "You can also find every partnership and place on the portal from A to Z:";

  function load() {
    if (!engine) {
      engine = import(bundle + "pagefind.js").then(function (pagefind) {
        var root = new URL("../../", bundle).pathname; // the site's root: bundle is search/pagefind/
        // noWorker: search on the page itself; Pagefind's web worker is a 41 KB download
        // more, and the page asks only a few questions.
        return pagefind.options({ basePath: bundle, baseUrl: root, noWorker: true }).then(function () {
          return pagefind;
        });
      });
    }
    return engine;
  }

  function say(text) {
    status.textContent = text;
  }

  /* Pagefind's text is HTML (entities escaped, matches in <mark>): keep only the text and
     the marks, never markup that came from a page. */
  function extract(html) {
    var body = new DOMParser().parseFromString(html, "text/html").body;
    var part = document.createElement("p");
    part.className = "pg-search__extract";
    body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        part.appendChild(mark);
      } else {
        part.appendChild(document.createTextNode(node.textContent));
      }
    });
    return part;
  }

  function plain(html) {
    return new DOMParser().parseFromString(html, "text/html").body.textContent;
  }

  function item(result) {
    var data = result.data;
    var li = document.createElement("li");
    li.className = "pg-search__result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = plain(data.meta.title || data.url);
    heading.appendChild(link);
    li.appendChild(heading);
    li.appendChild(extract(data.excerpt));
    return li;
  }

  /* The square root of the page's boost: Pagefind's scores already favour titles, and the
     whole boost put every partnership whose page names Redditch once above Redditch's
     funding page. */
  function root(value) {
    return isFinite(value) && value > 0 ? Math.sqrt(value) : 1;
  }

  function boost(data) {
    return root(parseFloat(data.meta.boost));
  }

  function boostFile(name) {
    return fetch(bundle + "boost/" + name + ".json").then(function (response) {
      if (!response.ok) throw new Error("no boost file " + name);
      return response.json();
    });
  }

  /* The boosts of the pages with these Pagefind ids, from their boost files (spread.json
     says how many of an id's last characters name its file; a page in no list has boost
     1). */
  function boosts(ids) {
    return boostFile("spread")
      .then(function (spread) {
        var names = new Set(
          ids.map(function (id) {
            return id.slice(-spread);
          })
        );
        return Promise.all(Array.from(names).map(boostFile));
      })
      .then(function (files) {
        var found = new Map();
        files.forEach(function (file) {
          Object.keys(file).forEach(function (value) {
            file[value].forEach(function (id) {
              found.set(id, parseFloat(value));
            });
          });
        });
        return found;
      });
  }

  /* Every page with any of the words, scored by the sum of its scores for each word, so a
     page with all of them comes first but a partnership named by one word is still found
     ("Redditch funding" finds Redditch's page, which says "money"). A page with all the
     words keeps the extract of the search for all of them. */
  function gather(pagefind, words) {
    var terms = words.split(/\s+/).filter(Boolean);
    var queries = terms.length > 1 ? [words].concat(terms) : [words];
    return Promise.all(
      queries.map(function (query) {
        return pagefind.search(query);
      })
    ).then(function (answers) {
      var pages = new Map();
      answers.forEach(function (answer, n) {
        answer.results.forEach(function (result) {
          var entry = pages.get(result.id);
          if (!entry) {
            entry = { result: result, score: 0 };
            pages.set(result.id, entry);
          }
          if (n > 0 || queries.length === 1) entry.score += result.score;
        });
      });
      return Array.from(pages.values()).sort(function (a, b) {
        return b.score - a.score;
      });
    });
  }

  function later(entry, score) {
    return {
      score: score,
      load: function () {
        return entry.result.data();
      },
    };
  }

  /* The best PAGE * WINDOW pages ordered by score times boost (a stable sort, so equal
     scores keep their order); the rest follow in the order of their score. Each page is
     loaded when it is shown. Where the boost files cannot be had (the live preview
     before its index is written), the best pages are loaded for their boost instead. */
  function ranked(entries) {
    var head = entries.slice(0, PAGE * WINDOW);
    return boosts(
      head.map(function (entry) {
        return entry.result.id;
      })
    )
      .then(
        function (found) {
          return head.map(function (entry) {
            return later(entry, entry.score * root(found.get(entry.result.id)));
          });
        },
        function () {
          return Promise.all(
            head.map(function (entry) {
              return entry.result.data().then(function (data) {
                return { score: entry.score * boost(data), data: data };
              });
            })
          );
        }
      )
      .then(function (scored) {
        scored.sort(function (a, b) {
          return b.score - a.score;
        });
        return scored.concat(
          entries.slice(PAGE * WINDOW).map(function (entry) {
            return later(entry, entry.score);
          })
        );
      });
  }

  function showNext() {
    var next = found.slice(shown, shown + PAGE);
    return Promise.all(
      next.map(function (entry) {
        if (entry.data) return entry;
        return entry.load().then(function (data) {
          entry.data = data;
          return entry;
        });
      })
    ).then(function (entries) {
      entries.forEach(function (entry) {
        list.appendChild(item(entry));
      });
      shown += entries.length;
      list.hidden = shown === 0;
      more.hidden = shown >= found.length;
    });
  }

  function count(total) {
    if (total === 0) return "No pages found";
    return total === 1 ? "1 page found" : total.toLocaleString("en-GB") + " pages found";
  }

  function search(words) {
    var ask = ++asked;
    list.textContent = "";
    list.hidden = true;
    more.hidden = true;
    found = [];
    shown = 0;
    if (!words) {
      say("");
      return;
    }
    say("Searching…");
    load()
      .then(function (pagefind) {
        return gather(pagefind, words);
      })
      .then(ranked)
      .then(function (results) {
        if (ask !== asked) return;
        found = results;
        return showNext().then(function () {
          var total = count(found.length);
          say(found.length ? total + " for ‘" + words + "’." : total + " for ‘" + words + "’. Check the spelling, try fewer words, or use the A to Z pages below.");
        });
      })
      .catch(function () {
        if (ask !== asked) return;
        say("Search is not working at the moment. Use the A to Z pages below.");
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var words = input.value.trim();
    var address = new URL(location.href);
    address.searchParams.set("q", words);
    history.replaceState(null, "", address.href);
    search(words);
  });

  more.addEventListener("click", function () {
    var first = shown;
    showNext().then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });

  var words = (new URLSearchParams(location.search).get("q") || "").trim();
  input.value = words;
  search(words);
})();
