import factory
import wagtail_factories

from pages.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title_de = "Startseite der Praxis"
    title_en = "Clinic home page"
    slug_de = "start"
    slug_en = "home"
    title = factory.SelfAttribute("title_de")
    slug = factory.SelfAttribute("slug_de")
    intro_de = "Strukturierte Diagnostik vor jeder Behandlung."
    intro_en = "A structured diagnosis before any treatment."

    class Meta:
        model = HomePage
