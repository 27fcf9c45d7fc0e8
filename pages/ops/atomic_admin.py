"""The admin's "create page" in one database transaction.

Wagtail 8.0's create view writes the new page (``add_child``), then its
revision, its privacy setting and the editor's subscription, each in a
transaction of its own. A failure between them (a lock timeout, a full disk,
a dropped connection) left a page without its revision: a half-created page
that shows in the tree. Here the whole POST is one transaction, so such a
failure leaves nothing. Only the POST: the form's GET stays outside, so that
rendering it never holds SQLite's write lock (``transaction_mode`` IMMEDIATE).
"""

from django.db import transaction
from django.http import HttpRequest, HttpResponse

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.create import CreateView


class AtomicCreateView(CreateView):
    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        with transaction.atomic():
            return super().post(request, *args, **kwargs)


# Wagtail's admin URLs require admin access; this one replaces one of them.
create_page = require_admin_access(AtomicCreateView.as_view())
