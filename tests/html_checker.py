"""The Nu HTML Checker (vnu.jar, the W3C's validator, from npm `vnu-jar`) run over
many documents at once: one Java start for a whole sweep."""

import json
import subprocess
from pathlib import Path

from django.conf import settings

VNU_JAR = settings.BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CSS_FILES = [
    settings.BASE_DIR / "static" / "css" / name for name in ("site.css", "print-preview.css")
]


def nu_errors(documents, folder, css=()):
    """Nu's errors in `documents` ({name: html}) and the `css` files, as {name: [message]}.

    Each document is written to `folder` and all are checked in one run."""
    folder = Path(folder)
    names = {}
    for number, (name, html) in enumerate(documents.items()):
        path = folder / f"{number}.html"
        path.write_text(html, encoding="utf-8")
        names[path.name] = name
    files = [str(folder / f"{number}.html") for number in range(len(documents))]
    files += [str(path) for path in css]
    result = subprocess.run(  # noqa: S603 - a fixed command over files this test wrote
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always"]
        + (["--also-check-css"] if css else [])
        + files,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    errors = {}
    for message in json.loads(result.stderr)["messages"]:
        file_name = message.get("url", "").rsplit("/", 1)[-1]
        name = names.get(file_name, file_name)
        errors.setdefault(name, []).append(
            f"{message.get('lastLine', '?')}: {message['message']} {message.get('extract', '')!r}"
        )
    return errors
