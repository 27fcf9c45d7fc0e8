from .consultation import ConsultationPage, ConsultationRequest
from .home import HomePage

__all__ = ["ConsultationPage", "ConsultationRequest", "HomePage"]
