// After a passkey is registered (django-otp-webauthn's event), show the
// recovery codes: the library's script stops at its status message.
document.addEventListener("otp_webauthn.register_complete", (event) => {
  window.location.assign(event.target.dataset.continueUrl);
});
