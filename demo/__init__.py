"""The demo site (`manage.py load_demo_content`): the loader that asks each app for its
own demo pages (`<app>/demo.py`) and what spans every app, the demo's languages."""
