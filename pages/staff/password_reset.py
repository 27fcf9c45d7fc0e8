"""Wagtail's "forgot password" form, with a limit per address.

Unlimited, it sent 20 reset mails in seconds: a way to flood a staff member's
inbox. Each address may ask ``PASSWORD_RESET_RATE_LIMIT_REQUESTS`` times per
``PASSWORD_RESET_RATE_LIMIT_WINDOW`` seconds; beyond that it gets a 429 page.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wagtail.admin.views.account import PasswordResetView

from clinic_site.rate_limit import RateLimit


class ThrottledPasswordResetView(PasswordResetView):
    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        limiter = RateLimit.for_address(
            request,
            "password-reset-rate",
            limit=settings.PASSWORD_RESET_RATE_LIMIT_REQUESTS,
            window=settings.PASSWORD_RESET_RATE_LIMIT_WINDOW,
        )
        if not limiter.allows(limiter.hit()):
            response = render(
                request,
                "two_factor/password_reset_limited.html",
                {"minutes": settings.PASSWORD_RESET_RATE_LIMIT_WINDOW // 60},
                status=429,
            )
            response["Retry-After"] = str(settings.PASSWORD_RESET_RATE_LIMIT_WINDOW)
            return response
        return super().post(request, *args, **kwargs)
