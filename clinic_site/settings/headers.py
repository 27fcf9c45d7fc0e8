"""Security headers of every response: Content-Security-Policy for patients,
previews and the admin (django-csp, chosen per request by
clinic_site.security.SiteCSPMiddleware) and Permissions-Policy. base.py imports
these names.
"""

# Content-Security-Policy (django-csp) for the patient pages: scripts and styles
# only from static files here, no inline script or style attribute, video players
# only in the click-to-load frames of treatments/videos.py. JSON-LD blocks are
# data, not scripts, and need no exception.
VIDEO_FRAME_SOURCES = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": VIDEO_FRAME_SOURCES,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (clinic_site.security.SiteCSPMiddleware) shows uploaded
# images as blobs while they upload and previews pages in a frame of its own
# origin. Its sign-in pages (password, code, enrolment) need no inline script or
# style and get none (tests/browser/test_csp.py).
# Page previews in the editor: the patients' policy, framed by the admin only.
CONTENT_SECURITY_POLICY_PREVIEW = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "frame-ancestors": ["'self'"],
    }
}

CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'", *VIDEO_FRAME_SOURCES],
        "frame-ancestors": ["'self'"],
    }
}
# Behind the sign-in, Wagtail 8's own widgets (date and time choosers, inline
# panels) and its modal loader run inline scripts (wagtail/wagtail#1288) and its
# templates set style attributes, so the editing pages allow both; still no
# eval, no other host.
CONTENT_SECURITY_POLICY_ADMIN_EDITING = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
    }
}

# Permissions-Policy (django-permissions-policy): no page may use these. The video
# frames keep what a player needs (fullscreen, autoplay, encrypted media).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}
