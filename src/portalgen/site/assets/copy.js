/* portalgen: "Copy link" and "Copy citation". Each button names, in data-pg-copy, the
   element whose text (or value) it copies, and says in its own status line that it did.
   The citation's "accessed" date is the day the reader sees it, which only the browser
   knows. Without JavaScript the buttons stay hidden, and the permanent link and the
   citation are still there to select, with "accessed [the date you read it]". */
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];

  function today() {
    var now = new Date();
    return now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
  }

  function textOf(element) {
    var text = "value" in element ? element.value : element.textContent;
    return text.replace(/\s+/g, " ").trim();
  }

  function fallbackCopy(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "pg-copy-scratch";
    document.body.appendChild(field);
    field.select();
    var copied = document.execCommand("copy");
    document.body.removeChild(field);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function say(button, message) {
    var status = document.getElementById(button.getAttribute("data-pg-status"));
    if (status) status.textContent = message;
  }

  function enhance(button) {
    var source = document.getElementById(button.getAttribute("data-pg-copy"));
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(textOf(source)).then(
        function () { say(button, button.getAttribute("data-pg-copied")); },
        function () { say(button, "Could not copy: select the text and copy it yourself."); }
      );
    });
  }

  function init() {
    var date = today();
    Array.prototype.forEach.call(document.querySelectorAll(".pg-accessed"), function (span) {
      span.textContent = date;
    });
    Array.prototype.forEach.call(document.querySelectorAll("button[data-pg-copy]"), enhance);
    Array.prototype.forEach.call(document.querySelectorAll("input.pg-permalink"), function (field) {
      field.addEventListener("focus", function () { field.select(); });
    });
  }

  init();
})();
