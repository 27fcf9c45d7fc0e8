import datetime

import factory
import wagtail_factories

from treatments.models import BodyRegion, TreatmentIndexPage, TreatmentPage


class BodyRegionFactory(factory.django.DjangoModelFactory):
    name_de = factory.Sequence(lambda n: f"Region {n}")
    name_en = factory.Sequence(lambda n: f"Region {n} (en)")
    name = factory.SelfAttribute("name_de")
    slug = factory.Sequence(lambda n: f"region-{n}")

    class Meta:
        model = BodyRegion
        django_get_or_create = ("slug",)


class TreatmentIndexPageFactory(wagtail_factories.PageFactory):
    title_de = "Behandlungen"
    title_en = "Treatments"
    slug_de = "behandlungen"
    slug_en = "treatments"
    title = factory.SelfAttribute("title_de")
    slug = factory.SelfAttribute("slug_de")

    class Meta:
        model = TreatmentIndexPage


class TreatmentPageFactory(wagtail_factories.PageFactory):
    title_de = factory.Sequence(lambda n: f"Behandlung {n}")
    title_en = factory.Sequence(lambda n: f"Treatment {n}")
    slug_de = factory.Sequence(lambda n: f"behandlung-{n}")
    slug_en = factory.Sequence(lambda n: f"treatment-{n}")
    title = factory.SelfAttribute("title_de")
    slug = factory.SelfAttribute("slug_de")
    subtitle_de = "Kurz erklärt"
    subtitle_en = "In brief"
    last_reviewed = factory.LazyFunction(datetime.date.today)
    next_review_due = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=365)
    )

    class Meta:
        model = TreatmentPage

    @factory.post_generation
    def body_regions(self, create, regions, **kwargs):
        if create and regions:
            self.body_regions.set(regions)
            self.save()
