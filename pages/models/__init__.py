from pages.site_settings import ClinicSettings, NavigationItem

from .consultation import ConsultationPage, ConsultationRequest
from .home import HomePage
from .standard import LegalNoticePage, StandardPage

__all__ = [
    "ClinicSettings",
    "ConsultationPage",
    "ConsultationRequest",
    "HomePage",
    "LegalNoticePage",
    "NavigationItem",
    "StandardPage",
]
