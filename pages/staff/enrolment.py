"""First two-factor enrolment only through a one-time link from an administrator.

A password alone must not let anyone choose the account's second factor. An
administrator (permission to change users) issues a link valid for 24 hours;
the staff member signs in with the password and opens it, which uses it up and
opens the enrolment page for this session only.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from pages.staff.models import EnrolmentLink, hash_token

SESSION_KEY = "two_factor_enrolment_link"
CHANGE_USER_PERMISSION = "auth.change_user"


def session_link(request: HttpRequest) -> EnrolmentLink | None:
    """The link this session opened, while it is still valid for its user."""
    pk = request.session.get(SESSION_KEY)
    if pk is None or not request.user.is_authenticated:
        return None
    return EnrolmentLink.objects.unexpired().filter(pk=pk, user=request.user).first()


def finish_enrolment(request: HttpRequest) -> None:
    """Forget the link once a second factor is set up."""
    request.session.pop(SESSION_KEY, None)


def claim(link: EnrolmentLink) -> bool:
    """Mark the link used; of two requests with the same link, one wins."""
    unused = EnrolmentLink.objects.filter(pk=link.pk, used_at__isnull=True)
    return unused.update(used_at=timezone.now()) == 1


def refused(request: HttpRequest) -> HttpResponse:
    return render(request, "two_factor/enrolment_refused.html", status=403)


@never_cache
def open_link_view(request: HttpRequest) -> HttpResponse:
    """Use up the link in ``?token=`` for the signed-in user, then enrol."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    token = request.GET.get("token", "")
    link = (
        EnrolmentLink.objects.unexpired()
        .filter(token_hash=hash_token(token), user=request.user)
        .first()
    )
    if link is None or not claim(link):
        return refused(request)
    request.session[SESSION_KEY] = link.pk
    return HttpResponseRedirect(reverse("two_factor_setup"))


@never_cache
def issue_link_view(request: HttpRequest, user_id: int) -> HttpResponse:
    """Show an administrator a new enrolment link for a staff member (POST)."""
    if not request.user.has_perm(CHANGE_USER_PERMISSION):
        return render(request, "two_factor/issue_link_denied.html", status=403)
    user = get_object_or_404(get_user_model(), pk=user_id)
    context = {"staff_member": user}
    if request.method == "POST":
        link, token = EnrolmentLink.issue(user, created_by=request.user)
        context["link"] = link
        context["url"] = request.build_absolute_uri(
            f"{reverse('two_factor_enrol')}?token={token}"
        )
    return render(request, "two_factor/issue_link.html", context)
