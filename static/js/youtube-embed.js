// Loads a film's YouTube player only when the visitor asks for it.
// Nothing is requested from YouTube before the click; without JavaScript
// the plain "Watch on YouTube" link is there instead.
(function () {
  "use strict";

  var ID = /^[A-Za-z0-9_-]{11}$/;

  function load(container) {
    var id = container.getAttribute("data-video-id") || "";
    if (!ID.test(id)) {
      return;
    }
    var frame = document.createElement("iframe");
    frame.src = "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1&rel=0";
    frame.title = (container.getAttribute("data-title") || "Film") + " (YouTube)";
    frame.width = "640";
    frame.height = "360";
    frame.className = "rj-youtube__frame";
    frame.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.setAttribute("allowfullscreen", "");
    var button = container.querySelector("[data-youtube-load]");
    if (button) {
      button.remove();
    }
    container.appendChild(frame);
    frame.focus();
  }

  document.querySelectorAll("[data-youtube-embed]").forEach(function (container) {
    var button = container.querySelector("[data-youtube-load]");
    if (!button) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      load(container);
    });
  });
})();
