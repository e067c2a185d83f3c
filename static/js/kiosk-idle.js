// Prison kiosk: after a while with no touch or key, clear what was typed and go
// back to the kiosk's start, so the next person sees nothing of the last one.
// The time comes from the page (data-kiosk-idle-seconds, the KIOSK_IDLE_SECONDS
// setting). A warning shows first, with a button to stay (WCAG 2.2.1). A film
// that is playing counts as someone being there. location.replace leaves no
// history entry to go back to. Without JavaScript, a <noscript> refresh in the
// page does a slower version of the same (see docs/kiosk.md).
(function () {
  "use strict";

  var body = document.body;
  var startUrl = body.getAttribute("data-kiosk-start");
  var seconds = parseInt(body.getAttribute("data-kiosk-idle-seconds"), 10);
  if (!startUrl || !(seconds > 0)) {
    return;
  }
  var onStartPage = window.location.pathname === startUrl;
  // Warn for the last 30 seconds, or the last half when the time is short.
  var warnSeconds = Math.min(30, Math.floor(seconds / 2));
  var warning = document.querySelector("[data-kiosk-idle-warning]");
  var message = document.querySelector("[data-kiosk-idle-message]");
  var stay = document.querySelector("[data-kiosk-idle-stay]");
  var warnTimer = null;
  var resetTimer = null;

  function somethingPlaying() {
    var media = document.querySelectorAll("video, audio");
    for (var i = 0; i < media.length; i++) {
      if (!media[i].paused && !media[i].ended) {
        return true;
      }
    }
    return false;
  }

  function clearForms() {
    var fields = document.querySelectorAll("input, textarea, select");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (field.type === "hidden" || field.type === "submit" || field.type === "button") {
        continue;
      }
      if (field.type === "radio" || field.type === "checkbox") {
        field.checked = false;
      } else if (field.tagName === "SELECT") {
        field.selectedIndex = -1;
      } else {
        field.value = "";
      }
    }
  }

  function reset() {
    if (somethingPlaying()) {
      restart();
      return;
    }
    document.documentElement.classList.add("rj-exiting");
    clearForms();
    try {
      window.sessionStorage.clear();
      window.localStorage.clear();
    } catch (e) {
      // Storage may be blocked; going back to the start matters more.
    }
    window.location.replace(startUrl);
  }

  function warn() {
    if (somethingPlaying()) {
      restart();
      return;
    }
    if (warning) {
      warning.hidden = false;
      if (message) {
        message.textContent =
          "This screen will clear in " + warnSeconds +
          " seconds, so the next person cannot see your answers.";
      }
    }
  }

  function restart(event) {
    window.clearTimeout(warnTimer);
    window.clearTimeout(resetTimer);
    // A touch on the warning itself leaves it in place until the tap ends, so the
    // tap reaches "I am still here" (which hides it) and nothing underneath.
    var onWarning = event && event.target && event.target.closest &&
      event.target.closest("[data-kiosk-idle-warning]");
    if (warning && !onWarning) {
      warning.hidden = true;
    }
    if (onStartPage) {
      return; // nothing to clear
    }
    if (warnSeconds > 0) {
      warnTimer = window.setTimeout(warn, (seconds - warnSeconds) * 1000);
    }
    resetTimer = window.setTimeout(reset, seconds * 1000);
  }

  // Not "scroll": showing the warning moves the page, which would hide it again.
  ["pointerdown", "keydown", "input", "touchstart", "wheel"].forEach(function (name) {
    window.addEventListener(name, restart, { passive: true, capture: true });
  });
  if (stay) {
    stay.addEventListener("click", function () {
      restart();
    });
  }
  // Coming back to a page kept in the browser's memory: start counting again.
  window.addEventListener("pageshow", restart);
  restart();
})();
