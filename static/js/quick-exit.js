// Quick exit, after the GOV.UK "Exit this page" pattern.
// Without JavaScript every exit control is a plain link to /exit/, which clears
// the session and redirects to a neutral site. With JavaScript we also hide the
// page at once, forget local storage, and use location.replace so this page
// leaves no entry in the browser history. Pressing Shift 3 times within
// 5 seconds does the same.
(function () {
  "use strict";

  var links = document.querySelectorAll("[data-quick-exit]");
  if (!links.length) {
    return;
  }
  var exitUrl = links[0].getAttribute("href");
  var status = document.querySelector("[data-quick-exit-status]");
  var shiftPresses = 0;
  var shiftTimer = null;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("rj-exiting");
    try {
      window.sessionStorage.clear();
      window.localStorage.clear();
    } catch (e) {
      // Storage may be blocked; leaving matters more.
    }
    window.location.replace(exitUrl);
  }

  function announce(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function resetShift() {
    shiftPresses = 0;
    announce("");
  }

  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener("click", leave);
  }

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      resetShift();
      return;
    }
    shiftPresses += 1;
    window.clearTimeout(shiftTimer);
    if (shiftPresses >= 3) {
      resetShift();
      leave();
      return;
    }
    if (status) {
      announce(status.getAttribute(shiftPresses === 1 ? "data-two-more" : "data-one-more"));
    }
    shiftTimer = window.setTimeout(resetShift, 5000);
  });
})();
