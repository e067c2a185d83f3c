"""Every interface string has a Polish, Nepali and Arabic translation.

`makemessages` is run over a copy of the code, so a string marked for translation
but never added to the .po files fails here as well as one added and left empty
(or left "fuzzy", which gettext does not use)."""

import shutil
from pathlib import Path

import polib

from django.conf import settings
from django.core.management import call_command

LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# What makemessages reads: the same as `make` runs it with (no tests, scripts or assets).
SKIPPED_FOLDERS = {".git", ".venv", "node_modules", "var", "tests", "bench", "static", "docs"}
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".po"}


def copy_of_the_sources(target):
    def ignore(folder, names):
        return [
            name
            for name in names
            if name in SKIPPED_FOLDERS
            or ((Path(folder) / name).is_file() and Path(name).suffix not in SOURCE_SUFFIXES)
        ]

    shutil.copytree(settings.BASE_DIR, target, ignore=ignore)
    return target


def test_every_interface_string_has_a_translation_in_every_language(
    tmp_path, monkeypatch, settings
):
    source = copy_of_the_sources(tmp_path / "site")
    monkeypatch.chdir(source)
    settings.LOCALE_PATHS = [source / "locale"]
    call_command("makemessages", locale=LANGUAGES, no_obsolete=True, verbosity=0)
    missing = {}
    for code in LANGUAGES:
        catalogue = polib.pofile(str(source / "locale" / code / "LC_MESSAGES" / "django.po"))
        assert len(catalogue) > 400, code  # the catalogue really was read
        left = catalogue.untranslated_entries() + catalogue.fuzzy_entries()
        if left:
            missing[code] = [entry.msgid for entry in left]
    assert missing == {}


def test_the_translations_say_they_need_a_native_speakers_review():
    for code in LANGUAGES:
        catalogue = polib.pofile(
            str(settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po")
        )
        assert "needs native-speaker review" in catalogue.metadata["Last-Translator"], code
        assert "DEMO TRANSLATION" in catalogue.header, code
