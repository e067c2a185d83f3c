"""Benchmark: /progress/ with 100,000 referrals in the database.

Builds a throw-away SQLite database in a temporary folder, loads the demo
content, adds fictional referrals in bulk, then times:
  - recompute: every cache empty, so all outcome figures are aggregated again;
  - from the figures cache: the page rendered again with the figures cached;
  - whole page from the anonymous page cache.
Targets (issue 6): under 2 s to recompute, under 50 ms from cache.

Run:  .venv/bin/python bench/progress.py [--referrals 100000] [--runs 5]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--referrals", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="rj-bench-progress-")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "rjsite.settings",
            "DJANGO_DEBUG": "1",
            "RJ_VAR_DIR": workdir,
            "ALLOWED_HOSTS": "testserver,localhost",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import datetime
    import random

    from django.core.cache import caches
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from selfreferral import questions as q
    from selfreferral.figures import bump_generation
    from selfreferral.models import Area, Channel, Referral

    print(f"Database: {workdir}/db.sqlite3")
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    existing = Referral.objects.count()
    chooser = random.Random(1)  # noqa: S311
    areas = list(Area.objects.all()) + [None]
    today = timezone.localdate()
    started = time.perf_counter()
    batch = []
    for number in range(args.referrals - existing):
        day = today - datetime.timedelta(days=chooser.randint(1, 730))
        batch.append(
            Referral(
                reference=f"BENCH-{number:07d}",
                created_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(12))),
                created_on=day,
                channel=chooser.choice(Channel.values),
                role=chooser.choice([q.ROLE_HARMED, q.ROLE_CAUSED, q.ROLE_FOR_SOMEONE]),
                preferred_contact=q.CONTACT_LETTER,
                age_group=q.AGE_18_OR_OVER,
                area=chooser.choice(areas),
                source_code=chooser.choice(["", "gp-leaflet", "prison", "ae-poster"]),
                first_contact_due=day + datetime.timedelta(days=2),
                first_contacted_on=day + datetime.timedelta(days=chooser.randint(0, 5)),
            )
        )
        if len(batch) == 5000:
            Referral.objects.bulk_create(batch)
            batch = []
    Referral.objects.bulk_create(batch)
    bump_generation()
    print(
        f"Referrals in the database: {Referral.objects.count():,} (added in {time.perf_counter() - started:.1f} s)"
    )

    client = Client()

    def timed(clear):
        for alias in clear:
            caches[alias].clear()
        start = time.perf_counter()
        response = client.get("/progress/")
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, response.status_code
        return elapsed * 1000

    recompute = [timed(["default", "pages"]) for _ in range(args.runs)]
    figures_cached = [timed(["pages"]) for _ in range(args.runs)]
    timed([])
    page_cached = [timed([]) for _ in range(args.runs)]

    def show(name, values, target):
        verdict = "meets" if statistics.median(values) < target else "MISSES"
        print(
            f"{name:<34} median {statistics.median(values):8.1f} ms   max {max(values):8.1f} ms   ({verdict} < {target:g} ms)"
        )

    print(f"Runs each: {args.runs}")
    show("recompute all figures", recompute, 2000)
    show("figures from cache, page rendered", figures_cached, 50)
    show("whole page from the page cache", page_cached, 50)


if __name__ == "__main__":
    main()
