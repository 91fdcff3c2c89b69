// The desk's only script: highlight toggles on the article page. No network, no eval.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.toggle, !box.checked);
    });
  });
  var target = document.getElementById("ev");
  if (target && location.hash === "#ev") { target.scrollIntoView({block: "center"}); }
});
