"""The app's models, re-exported so that ``pages.models`` names them all.

Django finds models in the modules they are imported from; the consultation
feature keeps its own in ``pages.consultation``.
"""

from pages.consultation.models import ConsultationRequest
from pages.consultation.page import ConsultationPage
from pages.encryption import FieldEncryptionCanary
from pages.feedback.models import PageFeedback
from pages.staff.models import EnrolmentLink

from .home import HomePage
from .settings import ClinicSettings, NavigationItem
from .standard import LegalNoticePage, StandardPage

__all__ = [
    "ClinicSettings",
    "ConsultationPage",
    "ConsultationRequest",
    "FieldEncryptionCanary",
    "EnrolmentLink",
    "HomePage",
    "LegalNoticePage",
    "NavigationItem",
    "PageFeedback",
    "StandardPage",
]
