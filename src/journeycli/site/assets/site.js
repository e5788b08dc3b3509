/* journeycli site: filters on the index, the step panel and lane switches on a journey page.
   Plain script, no build step, nothing loaded from elsewhere. Every page reads well without it:
   the filters and lane switches stay hidden, and a step on the map links to its details below. */
(function () {
  "use strict";

  function byId(id) { return document.getElementById(id); }
  function show(element) { if (element) { element.hidden = false; } }

  /* Index: search and filters, without a server. */
  function setUpFilters() {
    var form = byId("filters"), table = byId("journeys");
    if (!form || !table) { return; }
    show(form);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var search = byId("search"), state = byId("filter-state"), review = byId("filter-review"), owner = byId("filter-owner");
    var count = byId("shown-count"), none = byId("no-match");
    function apply() {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-search");
        var ok = words.every(function (w) { return text.indexOf(w) !== -1; }) &&
          (!state.value || row.getAttribute("data-state") === state.value) &&
          (!review.value || row.getAttribute("data-review") === review.value) &&
          (!owner.value || row.getAttribute("data-owner") === owner.value);
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " journeys";
      none.hidden = shown !== 0;
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    [search, state, review, owner].forEach(function (input) {
      input.addEventListener("input", apply);
      input.addEventListener("change", apply);
    });
    apply();
  }

  /* Journey page: a click (or Enter) on a step of the map opens its details beside the map. */
  function setUpStepPanel() {
    var panel = byId("step-panel"), body = byId("step-panel-body"), heading = byId("step-panel-heading");
    var frame = byId("map-frame"), close = byId("step-panel-close");
    if (!panel || !frame) { return; }
    var opener = null;

    function open(step, link) {
      var article = byId("step-" + step);
      if (!article) { return false; }
      var copy = article.cloneNode(true);
      copy.removeAttribute("id");
      Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
      copy.removeAttribute("aria-labelledby");
      var title = copy.querySelector("h4");
      heading.textContent = title ? "" : step;
      if (title) {
        while (title.firstChild) { heading.appendChild(title.firstChild); }
        title.parentNode.removeChild(title);
      }
      body.textContent = "";
      body.appendChild(copy);
      Array.prototype.forEach.call(frame.querySelectorAll(".step.selected"), function (el) { el.classList.remove("selected"); });
      var node = link && link.closest ? link.closest(".step") : null;
      if (node) { node.classList.add("selected"); }
      panel.hidden = false;
      panel.setAttribute("data-step", step);
      opener = link;
      heading.focus();
      return true;
    }

    function hide() {
      panel.hidden = true;
      Array.prototype.forEach.call(frame.querySelectorAll(".step.selected"), function (el) { el.classList.remove("selected"); });
      if (opener) { opener.focus(); }
    }

    frame.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest(".step-link") : null;
      if (!link) { return; }
      if (open(link.getAttribute("data-step"), link)) { event.preventDefault(); }
    });
    close.addEventListener("click", hide);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) { hide(); }
    });
    var wanted = /^#step-(.+)$/.exec(window.location.hash);
    if (wanted) {
      var link = frame.querySelector('.step-link[data-step="' + wanted[1].replace(/["\\]/g, "") + '"]');
      if (link) { open(wanted[1], link); }
    }
  }

  /* Journey page: the persona switcher fades, on the map, the steps a persona does not take and hides them in the lists. */
  function setUpPersonas() {
    var group = byId("personas"), frame = byId("map-frame");
    if (!group || !frame) { return; }
    show(group);
    var buttons = Array.prototype.slice.call(group.querySelectorAll("button[data-persona]"));
    var articles = Array.prototype.slice.call(document.querySelectorAll("article.step[id^='step-']"));
    var parts = Array.prototype.slice.call(document.querySelectorAll("[data-steps]"));
    var count = byId("persona-count");

    function walks(article, persona) {
      var named = article.getAttribute("data-personas");
      return !persona || named === null || named.split(" ").indexOf(persona) !== -1;
    }

    function choose(button) {
      var persona = button.getAttribute("data-persona"), off = {}, taken = 0;
      articles.forEach(function (article) {
        var on = walks(article, persona);
        article.hidden = !on;
        if (on) { taken += 1; } else { off[article.id.slice(5)] = true; }
      });
      parts.forEach(function (part) {
        var faded = part.getAttribute("data-steps").split(" ").some(function (step) { return off[step]; });
        if (part.tagName === "TR") { part.hidden = faded; } else { part.classList.toggle("faded", faded); }
      });
      Array.prototype.forEach.call(frame.querySelectorAll(".step-link"), function (link) {
        if (off[link.getAttribute("data-step")]) { link.setAttribute("tabindex", "-1"); } else { link.removeAttribute("tabindex"); }
      });
      buttons.forEach(function (other) { other.setAttribute("aria-pressed", other === button ? "true" : "false"); });
      count.textContent = persona ? taken + " of " + articles.length + " steps taken by " + button.textContent : "";
      frame.classList.toggle("persona-view", Boolean(persona));
      var panel = byId("step-panel");
      if (panel && !panel.hidden && off[panel.getAttribute("data-step")]) { byId("step-panel-close").click(); }
    }

    buttons.forEach(function (button) { button.addEventListener("click", function () { choose(button); }); });
  }

  /* Journey page: lanes shown or hidden. */
  function setUpLanes() {
    var lanes = byId("lanes"), frame = byId("map-frame");
    if (!lanes || !frame) { return; }
    show(lanes);
    Array.prototype.forEach.call(lanes.querySelectorAll("input[data-lane]"), function (box) {
      box.addEventListener("change", function () {
        frame.classList.toggle("hide-" + box.getAttribute("data-lane"), !box.checked);
      });
    });
  }

  /* Journey page: zoom the map. It opens at its start (top left) at 75 %, where one point of the map is one
     pixel of the screen and its smallest text is still readable; a map narrower than its box then grows to
     fill the width, up to 100 %. */
  function setUpZoom() {
    var controls = byId("zoom"), frame = byId("map-frame");
    if (!controls || !frame) { return; }
    var svg = frame.querySelector("svg");
    if (!svg) { return; }
    var natural = svg.getBoundingClientRect().width, level = 0.75, shown = byId("zoom-level");
    function apply() {
      svg.style.width = Math.round(natural * level) + "px";
      shown.textContent = Math.round(level * 100) + "%";
    }
    function to(value) { level = Math.max(0.1, Math.min(3, value)); apply(); }
    byId("zoom-in").addEventListener("click", function () { to(level * 1.25); });
    byId("zoom-out").addEventListener("click", function () { to(level / 1.25); });
    byId("zoom-fit").addEventListener("click", function () { to(frame.clientWidth / natural); });
    show(controls);
    to(Math.min(1, Math.max(level, frame.clientWidth / natural)));
    frame.scrollLeft = 0;
    frame.scrollTop = 0;
  }

  /* Journey page: the map as a PNG, drawn from the SVG in the browser. */
  function setUpPng() {
    var button = byId("download-png"), frame = byId("map-frame");
    if (!button || !frame) { return; }
    var svg = frame.querySelector("svg");
    if (!svg) { return; }
    show(button.parentNode);
    button.addEventListener("click", function () {
      var text = new XMLSerializer().serializeToString(svg);
      var image = new Image();
      image.onload = function () {
        var scale = Math.min(2, 32000 / image.naturalWidth, 32000 / image.naturalHeight);
        var canvas = document.createElement("canvas");
        canvas.width = Math.round(image.naturalWidth * scale);
        canvas.height = Math.round(image.naturalHeight * scale);
        var context = canvas.getContext("2d");
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          var link = document.createElement("a");
          link.href = URL.createObjectURL(blob);
          link.download = (button.getAttribute("data-name") || "map") + ".png";
          document.body.appendChild(link);
          link.click();
          link.parentNode.removeChild(link);
          button.setAttribute("data-done", "true");
        }, "image/png");
      };
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
    });
  }

  document.documentElement.classList.add("js");
  setUpFilters();
  setUpStepPanel();
  setUpPersonas();
  setUpLanes();
  setUpZoom();
  setUpPng();
}());
