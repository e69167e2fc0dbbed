// Accessibility fixes for Material's own markup, without copying its templates.
// The search overlay has role="dialog" but no accessible name (axe:
// aria-dialog-name); name it after its own search field's label, which
// Material already translates into the page's language.
(function () {
  var dialog = document.querySelector(".md-search[role=dialog]");
  var input = document.querySelector(".md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
  }
})();
