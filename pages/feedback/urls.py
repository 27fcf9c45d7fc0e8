from django.urls import path
from django.utils.translation import gettext_lazy as _

from pages.feedback import views

urlpatterns = [
    path("<int:page_id>/", views.vote, name="page_feedback"),
    path(_("thanks/<str:token>/"), views.thanks, name="page_feedback_thanks"),
]
