// Section anchors are the same in both languages: keep the reader's place
// when they switch language.
document.addEventListener("click", (event) => {
  const link = event.target.closest(".language-switch a");
  if (link && window.location.hash) link.hash = window.location.hash;
});
