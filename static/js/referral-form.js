// Self-referral form: when the page shows errors, move focus to the error
// summary so screen readers announce it and keyboard users start there.
// Without JavaScript the summary is still the first thing in the page's main
// content and the page title starts with "Error:".
(function () {
  "use strict";

  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }

  // Following a link in the summary puts focus on the answer that needs fixing,
  // and scrolls its question (legend or label) into view, as GOV.UK does.
  if (summary) {
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) {
        return;
      }
      var input = document.getElementById(link.getAttribute("href").slice(1));
      if (!input) {
        return;
      }
      event.preventDefault();
      var group = input.closest(".govuk-form-group") || input;
      group.scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  // Questions for one answer only (those about the person someone asks for) are
  // hidden until that answer is chosen. Without JavaScript they are all shown, each
  // section saying when to answer it, and the server asks for them only then.
  var conditional = document.querySelectorAll("[data-shown-when-name]");
  Array.prototype.forEach.call(conditional, function (section) {
    var name = section.getAttribute("data-shown-when-name");
    var value = section.getAttribute("data-shown-when-value");
    var radios = document.querySelectorAll("input[type='radio'][name='" + name + "']");
    function update() {
      var chosen = document.querySelector("input[type='radio'][name='" + name + "']:checked");
      section.hidden = !(chosen && chosen.value === value);
    }
    Array.prototype.forEach.call(radios, function (radio) {
      radio.addEventListener("change", update);
    });
    update();
  });

  // One click sends the form once: a second click while it is sending is ignored.
  // (The feedback survey uses this script too: its summary, and one send per click.)
  var form = document.querySelector(".rj-referral-form, .rj-feedback-form");
  if (form) {
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-sending") === "true") {
        event.preventDefault();
        return;
      }
      form.setAttribute("data-sending", "true");
    });
    // Once the answers have gone, empty the form as the page is left, so Back
    // (from the thank-you page) never shows them to the next person at this screen.
    window.addEventListener("pagehide", function () {
      if (form.getAttribute("data-sending") === "true") {
        form.reset();
      }
    });
    // Coming back to the page (Back button, page cache): it may be sent again.
    window.addEventListener("pageshow", function () {
      form.removeAttribute("data-sending");
    });
  }
})();
