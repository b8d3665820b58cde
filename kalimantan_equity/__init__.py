"""Pemerataan Layanan Publik Kalimantan: the public-service equity dashboard as one package.

Layers (docs/architecture.md): ``pages`` (Streamlit scripts) → ``ui`` (what pages share) → ``services``
(plain Python: numbers in, numbers out; figures; tables) → ``data`` (the build) and ``geo`` (geometry).
``queries`` holds one named SQL file per query. ``cli`` gives the console scripts.
"""
