"""Export a treatment page's English as a PO file, and import it back as a draft."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages
from wagtail.models import Page

from .po import PoError, english_from_po, export_po


class PoImportForm(forms.Form):
    file = forms.FileField(label=_("PO file with the English"))


def editable_treatment_page(request: HttpRequest, page_id: int):
    """The latest revision of a treatment page the user may edit."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not hasattr(page, "english_baseline"):
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page.get_latest_revision_as_object()


def export_english(request: HttpRequest, page_id: int) -> HttpResponse:
    page = editable_treatment_page(request, page_id)
    response = HttpResponse(
        export_po(page), content_type="text/x-gettext-translation; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug_de}-en.po"'
    return response


def import_english(request: HttpRequest, page_id: int) -> HttpResponse:
    """Save the file's English as a new draft revision; nothing on error."""
    page = editable_treatment_page(request, page_id)
    form = PoImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            text = form.cleaned_data["file"].read().decode("utf-8")
            changes = english_from_po(page, text)
        except UnicodeDecodeError:
            form.add_error("file", gettext("The file is not UTF-8 text."))
        except PoError as error:
            form.add_error("file", str(error))
        else:
            for field, value in changes.items():
                setattr(page, field, value)
            page.save_revision(user=request.user, log_action=True)
            messages.success(request, gettext("The English was saved as a draft."))
            return redirect("wagtailadmin_pages:edit", page.pk)
    status = 400 if form.errors else 200
    return TemplateResponse(
        request,
        "treatments/admin/english_import.html",
        {"page": page, "form": form},
        status=status,
    )
