"""The data build's steps, shown beside the progress bar while a page builds the data (``ui.context``).

The key is ``build_step_`` and the step name that ``data.build`` reports.
"""

STRINGS = {
    "build_step_check_sources": {"id": "Memeriksa berkas sumber", "en": "Checking source files"},
    "build_step_read_boundaries": {"id": "Membaca batas wilayah", "en": "Reading boundaries"},
    "build_step_measure_regions": {"id": "Menghitung luas dan jarak", "en": "Measuring areas and distances"},
    "build_step_load_indicators": {"id": "Memuat indikator", "en": "Loading indicators"},
    "build_step_facilities": {"id": "Membaca register fasilitas", "en": "Reading facility registers"},
    "build_step_simulate": {"id": "Membangkitkan data simulasi", "en": "Generating simulated series"},
    "build_step_service_points": {"id": "Menempatkan titik layanan", "en": "Placing service points"},
    "build_step_write_geometry": {"id": "Menulis geometri peta", "en": "Writing map geometry"},
    "build_step_write_database": {"id": "Menulis basis data", "en": "Writing the database"},
    "build_step_done": {"id": "Selesai", "en": "Done"},
}
