// Swap a video placeholder for the player only when the reader asks for it,
// so nothing is requested from the video host before the click.
document.addEventListener("click", (event) => {
  const link = event.target.closest(".video__play");
  const placeholder = link && link.closest("[data-video-embed]");
  if (!placeholder) return;
  event.preventDefault();
  const frame = document.createElement("iframe");
  frame.src = placeholder.dataset.videoEmbed;
  frame.title = placeholder.dataset.videoTitle;
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  frame.className = "video__frame";
  placeholder.replaceWith(frame);
  frame.focus();
});

// A printed take-home sheet should carry every FAQ answer, opened or not.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details.faq").forEach((details) => {
    details.open = true;
  });
});
