"""Models of the treatments app; import them from here."""

from .index import TreatmentIndexPage
from .pages import TreatmentPage
from .regions import BodyRegion
from .review import (
    REVIEW_RECORD_FIELDS,
    MedicalReviewer,
    MedicalReviewTask,
    ReviewedBy,
    ReviewReminder,
    TreatmentIndexPermissionTester,
    TreatmentPagePermissionTester,
    change_authors,
    default_next_review,
    reviewer_role,
)

__all__ = [
    "REVIEW_RECORD_FIELDS",
    "BodyRegion",
    "MedicalReviewTask",
    "MedicalReviewer",
    "ReviewReminder",
    "ReviewedBy",
    "TreatmentIndexPage",
    "TreatmentIndexPermissionTester",
    "TreatmentPage",
    "TreatmentPagePermissionTester",
    "change_authors",
    "default_next_review",
    "reviewer_role",
]
