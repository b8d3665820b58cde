"""Strings of the upload checks (services/upload): errors, match reasons, rejected rows, findings.

Placeholders come from the object that carries the key, so the page can pass it whole:
- ``upload_error_*``: ``UploadError.details``;
- ``upload_reason_*``: a row of ``Prepared.rejected`` (row_no, column, region, value, detail);
- ``upload_match_*``, ``upload_ambiguous_*``, ``upload_unmatched_*``, ``upload_outside_*``,
  ``upload_aggregate_*``: a row of ``Prepared.report`` (region, name, province, code, region_name, detail);
- ``upload_finding_*``: a row of ``Prepared.findings`` (region, region_code, indicator, year, value,
  previous, column, row_no, detail), with ``value`` and ``previous`` formatted by the page;
- ``upload_codes_*``, ``upload_locale_*``, ``upload_layout_*``: ``Explanation.params``.
"""

from kalimantan_equity.services.strings import Text  # a text, or plural forms (services.i18n.tn)

STRINGS: dict[str, dict[str, Text]] = {
    # --- whole-file errors -------------------------------------------------------------------------
    "upload_error_empty": {
        "id": "Berkas kosong: tidak ada tabel yang bisa dibaca.",
        "en": "The file is empty: there is no table to read.",
    },
    "upload_error_too_large": {
        "id": "Berkas terlalu besar ({size_mb} MB; paling besar {max_mb} MB). Tabel BPS per kabupaten/kota biasanya di bawah 5 MB: "
        "unggah satu tabel saja.",
        "en": "The file is too large ({size_mb} MB; at most {max_mb} MB). A BPS table by regency is usually under 5 MB: "
        "upload one table only.",
    },
    "upload_error_excel_too_big": {
        "id": "Isi buku kerja Excel ini terlalu besar setelah dibuka (lebih dari {max_mb} MB). Simpan hanya lembar yang diperlukan.",
        "en": "This Excel workbook is too large once unpacked (more than {max_mb} MB). Keep only the sheet you need.",
    },
    "upload_error_too_many_rows": {
        "id": "Tabel terlalu panjang: paling banyak {max_rows} baris. Pisahkan menjadi beberapa berkas.",
        "en": "The table is too long: at most {max_rows} rows. Split it into several files.",
    },
    "upload_error_too_many_columns": {
        "id": "Tabel terlalu lebar: paling banyak {max_columns} kolom.",
        "en": "The table is too wide: at most {max_columns} columns.",
    },
    "upload_error_styled_empty": {
        "id": "Lembar kerja ini berisi {cells} sel yang diformat tetapi kosong (hanya {values} berisi nilai). "
        "Salin tabelnya saja ke lembar baru lalu unggah lagi.",
        "en": "This workbook holds {cells} formatted but empty cells (only {values} hold a value). "
        "Copy just the table to a new sheet and upload it again.",
    },
    "upload_error_too_many_cells": {
        "id": "Tabel terlalu besar: paling banyak {max_cells} sel.",
        "en": "The table is too big: at most {max_cells} cells.",
    },
    "upload_error_file_type": {
        "id": "Jenis berkas tidak didukung ({extension}). Unggah CSV atau Excel (.xlsx).",
        "en": "This kind of file is not supported ({extension}). Upload a CSV or an Excel file (.xlsx).",
    },
    "upload_error_binary": {
        "id": "Berkas ini bukan teks atau tabel (isinya biner). Unggah CSV atau Excel (.xlsx).",
        "en": "This file is not text or a table (its content is binary). Upload a CSV or an Excel file (.xlsx).",
    },
    "upload_error_xls": {
        "id": "Ini berkas Excel lama (.xls) atau buku kerja berkata sandi. Buka di Excel dan simpan sebagai .xlsx tanpa kata sandi, "
        "atau sebagai CSV.",
        "en": "This is an old Excel file (.xls) or a password-protected workbook. Open it in Excel and save it as .xlsx without a "
        "password, or as CSV.",
    },
    "upload_error_macro": {
        "id": "Buku kerja dengan makro (.xlsm) tidak diterima. Simpan sebagai .xlsx biasa.",
        "en": "Workbooks with macros (.xlsm) are not accepted. Save it as a plain .xlsx.",
    },
    "upload_error_broken_excel": {
        "id": "Berkas Excel ini rusak atau tidak lengkap dan tidak dapat dibaca. Buka di Excel dan simpan ulang sebagai .xlsx.",
        "en": "This Excel file is damaged or incomplete and cannot be read. Open it in Excel and save it again as .xlsx.",
    },
    "upload_error_html": {
        "id": "Berkas ini halaman web (HTML/XML) yang disimpan sebagai tabel. Buka di Excel lalu simpan sebagai .xlsx atau CSV.",
        "en": "This file is a web page (HTML/XML) saved as a table. Open it in Excel, then save it as .xlsx or CSV.",
    },
    "upload_error_encoding": {
        "id": "Huruf-huruf dalam berkas ini tidak dapat dibaca. Simpan ulang sebagai CSV UTF-8.",
        "en": "The characters in this file cannot be read. Save it again as CSV UTF-8.",
    },
    "upload_error_csv_malformed": {
        "id": "CSV ini rusak sekitar baris {line} (mungkin ada tanda kutip yang tidak ditutup).",
        "en": "This CSV is malformed around line {line} (perhaps a quotation mark that is never closed).",
    },
    "upload_error_single_column": {
        "id": "Tabel hanya punya satu kolom. Diperlukan kolom wilayah dan paling sedikit satu kolom nilai; periksa pemisah kolom "
        "(titik koma atau koma).",
        "en": "The table has only one column. It needs a region column and at least one value column; check the column separator "
        "(semicolon or comma).",
    },
    "upload_error_no_header": {
        "id": "Baris judul kolom tidak ditemukan: baris pertama tabel sudah berisi angka. Tambahkan baris judul "
        "(mis. wilayah, tahun, nilai).",
        "en": "No header row found: the table's first row already holds numbers. Add a header row (e.g. region, year, value).",
    },
    "upload_error_no_region_column": {
        "id": "Kolom wilayah tidak ditemukan. Beri judul kolom kode atau nama kabupaten/kota (mis. 'Kabupaten/Kota' atau 'Kode').",
        "en": "No region column found. Give the column of regency codes or names a header (e.g. 'Kabupaten/Kota' or 'Kode').",
    },
    "upload_error_no_value_column": {
        "id": "Tidak ada kolom nilai: tabel hanya berisi kolom wilayah atau teks.",
        "en": "There is no value column: the table holds only region or text columns.",
    },
    "upload_error_no_year": {
        "id": "Berkas tidak menyebut tahun (tidak ada kolom tahun atau tahun di judul kolom). Pilih tahun datanya, lalu periksa lagi.",
        "en": "The file names no year (no year column and no year in the column headers). Choose the data's year, then check again.",
    },
    "upload_error_no_rows": {
        "id": "Tabel tidak berisi baris data di bawah judul kolom.",
        "en": "The table has no data rows below its header.",
    },
    "upload_error_unknown_sheet": {
        "id": "Lembar '{sheet}' tidak ada. Lembar yang berisi tabel: {sheets}.",
        "en": "There is no sheet '{sheet}'. Sheets with a table: {sheets}.",
    },
    # --- region statuses and severities -----------------------------------------------------------
    # --- how a region key was matched (report rows) -------------------------------------------------
    "upload_match_name": {"id": "Nama cocok: {region_name}.", "en": "Name matches: {region_name}."},
    "upload_match_old_name": {
        "id": "'{region}' adalah nama lama atau ejaan lain dari {region_name}.",
        "en": "'{region}' is an old name or another spelling of {region_name}.",
    },
    "upload_match_bare_is_regency": {
        "id": "'{region}' tanpa 'Kota' adalah kabupaten, karena berkas ini menulis kota sebagai 'Kota …': {detail}.",
        "en": "'{region}' without 'Kota' is the regency, because this file writes its cities as 'Kota …': {detail}.",
    },
    "upload_match_code_kemendagri": {"id": "Kode Kemendagri: {detail}.", "en": "Kemendagri code: {detail}."},
    "upload_match_code_kemendagri_nodot": {
        "id": "Kode Kemendagri tanpa titik: {detail}.",
        "en": "Kemendagri code without the dot: {detail}.",
    },
    "upload_match_code_bps": {"id": "Kode BPS {region} = Kemendagri {detail}.", "en": "BPS code {region} = Kemendagri {detail}."},
    "upload_match_code_same_both": {
        "id": "Kode {region} menunjuk wilayah yang sama dalam sistem Kemendagri dan BPS: {detail}.",
        "en": "Code {region} means the same regency in the Kemendagri and BPS systems: {detail}.",
    },
    "upload_match_code_only_one": {
        "id": "Kode {region} hanya ada dalam satu sistem ({detail}).",
        "en": "Code {region} exists in one system only ({detail}).",
    },
    "upload_match_choice": {"id": "Dipilih oleh pengguna: {detail}.", "en": "Chosen by the user: {detail}."},
    "upload_match_skipped": {
        "id": "Dilewati atas pilihan pengguna; barisnya tidak disimpan.",
        "en": "Left out by the user's choice; its rows are not stored.",
    },
    "upload_ambiguous_name": {
        "id": "'{region}' dapat berarti lebih dari satu wilayah: {detail}. Pilih salah satu.",
        "en": "'{region}' can mean more than one region: {detail}. Choose one.",
    },
    "upload_ambiguous_other_province": {
        "id": "'{region}' ada di provinsi lain daripada yang disebut berkas ({province}): {detail}. Pilih atau lewati.",
        "en": "'{region}' is in another province than the file says ({province}): {detail}. Choose or leave it out.",
    },
    "upload_ambiguous_code_system": {
        "id": "Kode {region} berarti wilayah berbeda dalam kedua sistem ({detail}). Pilih sistem kode atau wilayahnya.",
        "en": "Code {region} means different regencies in the two systems ({detail}). Choose the code system or the region.",
    },
    "upload_ambiguous_code_name": {
        "id": "Kode {region} dan nama '{name}' di sebelahnya menunjuk wilayah berbeda ({detail}). Pilih yang benar.",
        "en": "Code {region} and the name '{name}' beside it point to different regencies ({detail}). Choose the right one.",
    },
    "upload_unmatched_name": {
        "id": "Nama '{region}' tidak dikenal. Mungkin maksudnya: {detail}.",
        "en": "The name '{region}' is not known. Perhaps you meant: {detail}.",
    },
    "upload_unmatched_name_none": {
        "id": "Nama '{region}' bukan kabupaten/kota di Kalimantan.",
        "en": "The name '{region}' is not a regency or city in Kalimantan.",
    },
    "upload_unmatched_empty": {"id": "Nama wilayah kosong.", "en": "The region name is empty."},
    "upload_unmatched_code": {
        "id": "Kode '{region}' bukan kode kabupaten/kota di Kalimantan.",
        "en": "Code '{region}' is not a regency code in Kalimantan.",
    },
    "upload_unmatched_code_system": {
        "id": "Kode '{region}' tidak ada dalam sistem yang dipakai berkas ini ({detail}).",
        "en": "Code '{region}' does not exist in the system this file uses ({detail}).",
    },
    "upload_unmatched_level": {
        "id": "Kode '{region}' adalah kode kecamatan atau desa; unggahan ini menerima kabupaten/kota.",
        "en": "Code '{region}' is a district or village code; this upload takes regencies and cities.",
    },
    "upload_outside_province": {
        "id": "Baris provinsi {detail}, di luar Kalimantan: dihitung, tidak disimpan.",
        "en": "A row for the province of {detail}, outside Kalimantan: counted, not stored.",
    },
    "upload_outside_context": {
        "id": "Wilayah di Provinsi {detail}, di luar Kalimantan: dihitung, tidak disimpan.",
        "en": "A region in {detail} province, outside Kalimantan: counted, not stored.",
    },
    "upload_outside_code": {
        "id": "Kode provinsi {detail} berada di luar Kalimantan: dihitung, tidak disimpan.",
        "en": "Province code {detail} is outside Kalimantan: counted, not stored.",
    },
    "upload_aggregate_province": {
        "id": "Baris total Provinsi {detail}, bukan kabupaten/kota: tidak disimpan.",
        "en": "A total row for {detail} province, not a regency: not stored.",
    },
    "upload_aggregate_total": {
        "id": "Baris jumlah atau angka nasional, bukan kabupaten/kota: tidak disimpan.",
        "en": "A total or national row, not a regency: not stored.",
    },
    # --- rejected rows -------------------------------------------------------------------------------
    "upload_reason_title_row": {"id": "Baris judul di atas tabel: {detail}", "en": "A title row above the table: {detail}"},
    "upload_reason_note_row": {"id": "Baris catatan, tanpa nilai: {detail}", "en": "A note row, without values: {detail}"},
    "upload_reason_repeated_header": {"id": "Judul kolom yang diulang.", "en": "A repeated header row."},
    "upload_reason_no_region": {
        "id": "Baris berisi nilai tetapi tanpa kode atau nama wilayah.",
        "en": "The row has values but no region code or name.",
    },
    "upload_reason_ambiguous": {
        "id": "Wilayah '{region}' perlu dipilih: {detail}.",
        "en": "Region '{region}' needs a choice: {detail}.",
    },
    "upload_reason_unmatched": {
        "id": "Wilayah '{region}' tidak ditemukan (kemungkinan: {detail}).",
        "en": "Region '{region}' was not found (possibly: {detail}).",
    },
    "upload_reason_outside": {
        "id": "'{region}' di luar Kalimantan ({detail}).",
        "en": "'{region}' is outside Kalimantan ({detail}).",
    },
    "upload_reason_aggregate": {
        "id": "'{region}' adalah baris total, bukan kabupaten/kota.",
        "en": "'{region}' is a total row, not a regency.",
    },
    "upload_reason_skipped": {"id": "'{region}' dilewati atas pilihan pengguna.", "en": "'{region}' was left out by the user."},
    "upload_reason_bad_year": {"id": "Tahun '{detail}' tidak dapat dibaca.", "en": "The year '{detail}' cannot be read."},
    "upload_reason_year_out_of_range": {
        "id": "Tahun di luar rentang yang masuk akal ({detail}).",
        "en": "The year is outside the plausible range ({detail}).",
    },
    "upload_reason_missing_value": {
        "id": "Nilai kosong ('{value}') di kolom {column}: dicatat sebagai tidak ada data, bukan nol.",
        "en": "No value ('{value}') in column {column}: recorded as missing, not zero.",
    },
    "upload_reason_not_numeric": {
        "id": "'{value}' di kolom {column} bukan angka.",
        "en": "'{value}' in column {column} is not a number.",
    },
    "upload_reason_magnitude": {
        "id": "'{value}' di kolom {column} terlalu besar (lebih dari {detail}) untuk indikator wilayah mana pun.",
        "en": "'{value}' in column {column} is too large (over {detail}) for any regional indicator.",
    },
    "upload_reason_out_of_range": {
        "id": "'{value}' di kolom {column} berada di luar 0–100 %; ditahan sampai dikonfirmasi.",
        "en": "'{value}' in column {column} is outside 0–100 %; held back until confirmed.",
    },
    "upload_reason_number_format": {
        "id": "'{value}' di kolom {column} ditulis dengan format angka lain daripada kolomnya ({detail}); tidak ditebak.",
        "en": "'{value}' in column {column} is written in another number format than its column ({detail}); not guessed.",
    },
    "upload_reason_duplicate": {
        "id": "Salinan baris lain dengan nilai yang sama ({detail}); satu disimpan.",
        "en": "A copy of another row with the same value ({detail}); one is kept.",
    },
    "upload_reason_duplicate_conflict": {
        "id": "Wilayah, indikator dan tahun yang sama muncul dengan nilai berbeda (baris {detail}); tidak ada yang disimpan.",
        "en": "The same region, indicator and year appear with different values (rows {detail}); none is stored.",
    },
    # --- findings ------------------------------------------------------------------------------------
    "upload_finding_duplicate_same": {
        "id": "{region} ({indicator}, {year}) muncul lebih dari sekali dengan nilai sama (baris {detail}).",
        "en": "{region} ({indicator}, {year}) appears more than once with the same value (rows {detail}).",
    },
    "upload_finding_duplicate_conflict": {
        "id": "{region} ({indicator}, {year}) muncul dengan nilai berbeda (baris {detail}).",
        "en": "{region} ({indicator}, {year}) appears with different values (rows {detail}).",
    },
    "upload_finding_not_numeric": {
        "id": "{region}, {year}: '{detail}' bukan angka.",
        "en": "{region}, {year}: '{detail}' is not a number.",
    },
    "upload_finding_year_range": {
        "id": "{region}: tahun {year} di luar rentang {detail}.",
        "en": "{region}: the year {year} is outside {detail}.",
    },
    "upload_finding_percent_range": {
        "id": "{region}, {year}: {value} % berada di luar 0–100; ditahan kecuali dikonfirmasi per baris.",
        "en": "{region}, {year}: {value} % is outside 0–100; held back unless confirmed row by row.",
    },
    "upload_finding_magnitude": {
        "id": "{region}, {year}: '{detail}' terlalu besar untuk indikator apa pun; tidak disimpan.",
        "en": "{region}, {year}: '{detail}' is larger than any indicator can be; not stored.",
    },
    "upload_finding_jump": {
        "id": "{region}, {year}: {value} setelah {previous} tahun sebelumnya ({detail}). Periksa satuan dan tanda desimal.",
        "en": "{region}, {year}: {value} after {previous} the year before ({detail}). Check the unit and the decimal sign.",
    },
    "upload_finding_replaces": {
        "id": "{region}, {year}: {value} akan menggantikan nilai tersimpan {previous}.",
        "en": "{region}, {year}: {value} would replace the stored value {previous}.",
    },
    "upload_finding_sub_annual": {
        "id": "Kolom '{column}' berisi bulan atau tanggal, tetapi dasbor menyimpan satu nilai per tahun: baris pada tahun yang sama "
        "dianggap ganda. Jumlahkan atau rata-ratakan per tahun lebih dulu.",
        "en": "Column '{column}' holds months or dates, but the dashboard stores one value per year: rows of the same year count "
        "as duplicates. Add them up or average them per year first.",
    },
    "upload_finding_ignored_column": {
        "id": "Kolom '{column}' bukan wilayah, tahun atau nilai dan tidak dibaca.",
        "en": "Column '{column}' is not a region, year or value and is not read.",
    },
    # --- decisions the upload made -------------------------------------------------------------------
    "upload_codes_none": {"id": "Berkas tidak memakai kode 4 digit.", "en": "The file uses no 4-digit codes."},
    "upload_codes_same_both": {
        "id": "Semua {count} kode 4 digit menunjuk wilayah yang sama dalam sistem Kemendagri dan BPS.",
        "en": {
            "one": "The {count} 4-digit code means the same regency in the Kemendagri and BPS systems.",
            "other": "All {count} 4-digit codes mean the same regency in the Kemendagri and BPS systems.",
        },
    },
    "upload_codes_by_names": {
        "id": "Kode 4 digit dibaca sebagai kode {system}: nama di berkas cocok dengan kode {system} untuk {agree} dari {total} kode "
        "yang berbeda antara kedua sistem.",
        "en": "4-digit codes read as {system} codes: the names in the file agree with {system} codes for {agree} of {total} codes "
        "that differ between the two systems.",
    },
    "upload_codes_only_in": {
        "id": "Kode 4 digit dibaca sebagai kode {system}: {count} kode hanya ada sebagai kode {system} ({examples}).",
        "en": {
            "one": "4-digit codes read as {system} codes: {count} code exists only as a {system} code ({examples}).",
            "other": "4-digit codes read as {system} codes: {count} codes exist only as {system} codes ({examples}).",
        },
    },
    "upload_codes_by_header": {
        "id": "Kode 4 digit dibaca sebagai kode {system}, sesuai judul kolom '{column}'.",
        "en": "4-digit codes read as {system} codes, as the column header '{column}' says.",
    },
    "upload_codes_override": {
        "id": "Kode 4 digit dibaca sebagai kode {system}, sesuai pilihan pengguna.",
        "en": "4-digit codes read as {system} codes, as the user chose.",
    },
    "upload_codes_undecided": {
        "id": "Tidak dapat ditentukan apakah kode 4 digit ini kode Kemendagri atau BPS: {count} kode berarti wilayah berbeda "
        "({examples}). Pilih sistem kodenya.",
        "en": {
            "one": "It cannot be told whether these 4-digit codes are Kemendagri or BPS codes: {count} code means different regencies "
            "({examples}). Choose the code system.",
            "other": "It cannot be told whether these 4-digit codes are Kemendagri or BPS codes: {count} codes mean different regencies "
            "({examples}). Choose the code system.",
        },
    },
    "upload_locale_decimal_comma": {
        "id": "Koma sebagai tanda desimal: {count} nilai seperti '{example}'.",
        "en": {
            "one": "Comma as the decimal sign: {count} value like '{example}'.",
            "other": "Comma as the decimal sign: {count} values like '{example}'.",
        },
    },
    "upload_locale_decimal_point": {
        "id": "Titik sebagai tanda desimal: {count} nilai seperti '{example}'.",
        "en": {
            "one": "Point as the decimal sign: {count} value like '{example}'.",
            "other": "Point as the decimal sign: {count} values like '{example}'.",
        },
    },
    "upload_locale_from_file": {
        "id": "Nilai kolom ini dapat dibaca dua cara; dipakai format kolom lain di berkas ini.",
        "en": "This column's values can be read both ways; the format of the file's other columns is used.",
    },
    "upload_locale_from_semicolon": {
        "id": "Nilai dapat dibaca dua cara; berkas dipisah titik koma (Excel berbahasa Indonesia), jadi dipakai format Indonesia.",
        "en": "The values can be read both ways; the file is separated by semicolons (Excel set to Indonesian), so the Indonesian "
        "format is used.",
    },
    "upload_locale_default": {
        "id": "Tidak ada nilai yang menunjukkan formatnya; dipakai format internasional. Ubah bila keliru.",
        "en": "No value shows the format; the international format is used. Change it if that is wrong.",
    },
    "upload_locale_override": {"id": "Format angka dipilih oleh pengguna.", "en": "Number format chosen by the user."},
    "upload_locale_native": {
        "id": "Angka disimpan sebagai angka oleh Excel; tidak perlu ditebak.",
        "en": "Excel stored the numbers as numbers; nothing to guess.",
    },
    "upload_layout_long": {
        "id": "Tabel panjang: satu baris per wilayah dan tahun (tahun {years}).",
        "en": "Long table: one row per region and year (years {years}).",
    },
    "upload_layout_wide_year": {
        "id": "Tabel lebar: satu kolom per tahun ({columns} kolom, tahun {years}).",
        "en": "Wide table: one column per year ({columns} columns, years {years}).",
    },
    "upload_layout_wide_indicator": {
        "id": "Tabel lebar: satu kolom per indikator ({columns} kolom, tahun {years}).",
        "en": "Wide table: one column per indicator ({columns} columns, years {years}).",
    },
    "upload_layout_bps_export": {
        "id": "Ekspor tabel BPS: baris provinsi berhuruf kapital ({provinces}) diikuti kabupaten/kotanya ({columns} kolom nilai, "
        "tahun {years}).",
        "en": "BPS table export: province rows in capitals ({provinces}) followed by their regencies ({columns} value columns, "
        "years {years}).",
    },
}
