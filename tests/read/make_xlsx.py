#!/usr/bin/python3
"""Write the xlsx fixtures of tests/read/test_xlsx.c (and fuzz/fuzz_xlsx.c's seeds).

    make_xlsx.py OUTDIR           write every fixture into OUTDIR
    make_xlsx.py --list           print the fixtures' file names, one a line
    make_xlsx.py --seeds DIR      fuzz/fuzz_xlsx.c's seeds: each small fixture as a file (first
                                  byte 0) and the Excel-like ones as parts (first byte 1)
    make_xlsx.py --reading DIR    the xlsx cases of the reading corpus (tests/reading), committed
    make_xlsx.py --check-reading DIR   exit 1 unless the committed ones are what it writes

The workbooks are hand-written XML as Excel (Microsoft 365, Swedish locale) writes it: the same
parts, namespaces, attributes and escapes, shared strings, styles with built-in and custom number
formats. Others mimic LibreOffice (inline strings, no shared strings part) and SCB's PxWeb
exports; openpyxl writes one for a cross-check. The hostile ones are made from good ones by
changing XML or patching zip headers. Standard library only (openpyxl for openpyxl.xlsx).

The expected cells in test_xlsx.c are worked by hand from the XML below, never from the reader.
"""
import io
import struct
import sys
import zipfile

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS_X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# ------------------------------------------------------------------------------ parts


def content_types(nsheets, sst=True):
    ov = ['<Override PartName="/xl/workbook.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
    for i in range(1, nsheets + 1):
        ov.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                  'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
    ov.append('<Override PartName="/xl/styles.xml" ContentType="application/'
              'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>')
    if sst:
        ov.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                  'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    return (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + "".join(ov) +
            '</Types>')


def package_rels(workbook="xl/workbook.xml"):
    return (DECL + f'<Relationships xmlns="{NS_PKG}">'
            f'<Relationship Id="rId3" Type="{REL}extended-properties" Target="docProps/app.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="{workbook}"/>'
            '</Relationships>')


def workbook_xml(sheets, date1904=False):
    """sheets: [(name, state or None)]; sheet i is r:id rId{i+1}."""
    pr = '<workbookPr date1904="1" defaultThemeVersion="166925"/>' if date1904 else \
        '<workbookPr defaultThemeVersion="166925"/>'
    sh = "".join(
        f'<sheet name="{esc(n)}" sheetId="{i + 1}"' + (f' state="{st}"' if st else "") +
        f' r:id="rId{i + 1}"/>' for i, (n, st) in enumerate(sheets))
    return (DECL + f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_R}" xmlns:mc="{NS_MC}" '
            'mc:Ignorable="x15 xr xr6 xr10 xr2" '
            'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" '
            'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">'
            '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>' + pr +
            f'<mc:AlternateContent xmlns:mc="{NS_MC}"><mc:Choice Requires="x15">'
            '<x15ac:absPath url="C:\\Users\\rss\\Documents\\" '
            'xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/>'
            '</mc:Choice></mc:AlternateContent>'
            '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" '
            'windowHeight="15840"/></bookViews>'
            f'<sheets>{sh}</sheets><calcPr calcId="191029"/></workbook>')


def workbook_rels(nsheets, sst=True, prefix=""):
    rels = [f'<Relationship Id="rId{i}" Type="{REL}worksheet" '
            f'Target="{prefix}worksheets/sheet{i}.xml"/>' for i in range(1, nsheets + 1)]
    n = nsheets
    rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL}theme" Target="theme/theme1.xml"/>')
    rels.append(f'<Relationship Id="rId{n + 2}" Type="{REL}styles" Target="{prefix}styles.xml"/>')
    if sst:
        rels.append(f'<Relationship Id="rId{n + 3}" Type="{REL}sharedStrings" '
                    f'Target="{prefix}sharedStrings.xml"/>')
    return DECL + f'<Relationships xmlns="{NS_PKG}">' + "".join(rels) + '</Relationships>'


# Excel's cellXfs of every Excel-like fixture:
#  0 General, 1 date (14), 2 "yyyy-mm-dd hh:mm" (164), 3 "0.0%" (165), 4 bold General (title),
#  5 '@' text (49), 6 "0%" (9), 7 "#,##0\ "kr"" (166), 8 "h:mm" (20), 9 "0" st"" (167: date
#  letters inside quotes), 10 "[$-41D]d\ mmmm\ yyyy" (168), 11 "[h]:mm:ss" (46), 12 "0.00E+00"
#  (11), 13 "mmm\-yy" (169)
CUSTOM_FORMATS = [(164, "yyyy\\-mm\\-dd\\ hh:mm"), (165, "0.0%"), (166, '#,##0\\ "kr"'),
                  (167, '0" st"'), (168, "[$-41D]d\\ mmmm\\ yyyy"), (169, "mmm\\-yy")]
XF_NUMFMT = [0, 14, 164, 165, 0, 49, 9, 166, 20, 167, 168, 46, 11, 169]


# With strike=True, two more fonts and cell styles: 14 General in font 2, struck through
# (<strike/>, as Excel writes Ctrl+5), and 15 General in font 3, whose <strike val="0"/> is not;
# a conditional format (dxf) strikes too, which no cell style's fontId counts.
STRIKE_FONTS = ('<font><strike/><sz val="11"/><color theme="1"/><name val="Calibri"/>'
                '<family val="2"/><scheme val="minor"/></font><font><strike val="0"/>'
                '<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/>'
                '<scheme val="minor"/></font>')
XF_STRUCK, XF_UNSTRUCK = len(XF_NUMFMT), len(XF_NUMFMT) + 1


def styles_xml(custom=None, xf_numfmt=None, strike=False):
    custom = CUSTOM_FORMATS if custom is None else custom
    xf_numfmt = XF_NUMFMT if xf_numfmt is None else xf_numfmt
    if strike:
        xf_numfmt = xf_numfmt + [0, 0]
    fmts = "".join(f'<numFmt numFmtId="{i}" formatCode="{esc(c)}"/>' for i, c in custom)
    xfs = []
    for i, f in enumerate(xf_numfmt):
        font = 1 if i == 4 else 2 if strike and i == XF_STRUCK else \
            3 if strike and i == XF_UNSTRUCK else 0
        apply = ' applyNumberFormat="1"' if f else ""
        bold = ' applyFont="1"' if font else ""
        xfs.append(f'<xf numFmtId="{f}" fontId="{font}" fillId="0" borderId="0" xfId="0"'
                   f'{apply}{bold}/>')
    # cellStyleXfs holds a date format at index 1: a cell's s is an index into cellXfs only.
    return (DECL + f'<styleSheet xmlns="{NS_MAIN}" xmlns:mc="{NS_MC}" mc:Ignorable="x14ac x16r2 xr"'
            f' xmlns:x14ac="{NS_X14AC}">'
            f'<numFmts count="{len(custom)}">{fmts}</numFmts>'
            f'<fonts count="{4 if strike else 2}" x14ac:knownFonts="1"><font><sz val="11"/>'
            '<color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'
            '<font><b/><sz val="14"/><color theme="1"/><name val="Calibri"/><family val="2"/>'
            '<scheme val="minor"/></font>' + (STRIKE_FONTS if strike else "") + '</fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
            '<patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            '</borders><cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" '
            'borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">' + "".join(xfs) + '</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            + ('<dxfs count="2"><dxf><font><strike/></font></dxf>' if strike else
               '<dxfs count="1">') +
            '<dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs>'
            '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" '
            'defaultPivotStyle="PivotStyleLight16"/></styleSheet>')


class Strings:
    """Excel's shared string table: plain strings by text, rich ones as given."""

    def __init__(self):
        self.items = []
        self.index = {}
        self.count = 0

    def add(self, text):
        self.count += 1
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(f'<si><t{space(text)}>{esc(text)}</t></si>')
        return self.index[text]

    def add_rich(self, si_xml):
        self.count += 1
        self.items.append(si_xml)
        return len(self.items) - 1

    def xml(self):
        return (DECL + f'<sst xmlns="{NS_MAIN}" count="{self.count}" '
                f'uniqueCount="{len(self.items)}">' + "".join(self.items) + '</sst>')


def space(text):
    return ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""


def col_name(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


class Sheet:
    """Rows of cells as Excel writes them. A cell: (col, kind, value, style) with kind
    's' shared string, 'n' number (value: the XML text), 'f' (formula, cached XML value or None,
    t or None), 'b' boolean ("0"/"1"), 'e' error, 'is' inline string, 'd' ISO date."""

    def __init__(self, strings):
        self.strings = strings
        self.rows = {}
        self.merges = []

    def cell(self, ref_col, row, kind, value, style=0):
        self.rows.setdefault(row, []).append((ref_col, kind, value, style))

    def row_values(self, row, values, style=0):
        for c, v in enumerate(values):
            if v is None:
                continue
            if isinstance(v, str):
                self.cell(c, row, "s", v, style)
            else:
                self.cell(c, row, "n", repr(v) if isinstance(v, float) else str(v), style)

    def cell_xml(self, row, c, kind, value, style):
        r = f'{col_name(c)}{row}'
        s = f' s="{style}"' if style else ""
        if kind == "s":
            return f'<c r="{r}"{s} t="s"><v>{self.strings.add(value)}</v></c>'
        if kind == "rich":
            return f'<c r="{r}"{s} t="s"><v>{self.strings.add_rich(value)}</v></c>'
        if kind == "n":
            return f'<c r="{r}"{s}><v>{value}</v></c>'
        if kind == "f":
            formula, cached, t = value
            tt = f' t="{t}"' if t else ""
            v = f'<v>{esc(cached)}</v>' if cached is not None else ""
            return f'<c r="{r}"{s}{tt}><f>{esc(formula)}</f>{v}</c>'
        if kind in ("b", "e", "d"):
            return f'<c r="{r}"{s} t="{kind}"><v>{esc(value)}</v></c>'
        if kind == "is":
            return f'<c r="{r}"{s} t="inlineStr"><is><t{space(value)}>{esc(value)}</t></is></c>'
        if kind == "empty":
            return f'<c r="{r}"{s}/>'
        raise ValueError(kind)

    def xml(self):
        rows = []
        maxc = max((c for cells in self.rows.values() for c, *_ in cells), default=0)
        for row in sorted(self.rows):
            cells = sorted(self.rows[row], key=lambda x: x[0])
            body = "".join(self.cell_xml(row, *c) for c in cells)
            rows.append(f'<row r="{row}" spans="1:{maxc + 1}" x14ac:dyDescent="0.25">{body}</row>')
        last = max(self.rows, default=1)
        merges = ""
        if self.merges:
            merges = f'<mergeCells count="{len(self.merges)}">' + "".join(
                f'<mergeCell ref="{m}"/>' for m in self.merges) + '</mergeCells>'
        return (DECL + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}" xmlns:mc="{NS_MC}" '
                f'mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="{NS_X14AC}">'
                f'<dimension ref="A1:{col_name(maxc)}{last}"/><sheetViews><sheetView '
                'tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/>'
                '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" '
                'x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="24.7109375" '
                'customWidth="1"/></cols><sheetData>' + "".join(rows) + '</sheetData>' + merges +
                '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
                'footer="0.3"/></worksheet>')


def app_xml():
    return (DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>Microsoft Excel</Application></Properties>')


def core_xml():
    return (DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<dc:creator>RSS Dalarna</dc:creator></cp:coreProperties>')


def excel_book(sheets, strings, date1904=False, styles=None):
    """sheets: [(name, state, sheet_xml)] -> {part: text}."""
    parts = {
        "[Content_Types].xml": content_types(len(sheets)),
        "_rels/.rels": package_rels(),
        "docProps/app.xml": app_xml(),
        "docProps/core.xml": core_xml(),
        "xl/workbook.xml": workbook_xml([(n, st) for n, st, _ in sheets], date1904),
        "xl/_rels/workbook.xml.rels": workbook_rels(len(sheets)),
        "xl/styles.xml": styles if styles is not None else styles_xml(),
        "xl/sharedStrings.xml": strings.xml(),
    }
    for i, (_, _, xml) in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    return parts


def write_zip(parts, compression=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, text in parts.items():
            data = text.encode("utf-8") if isinstance(text, str) else text
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data,
                       compress_type=compression)
    return buf.getvalue()


# ---------------------------------------------------------------------------- fixtures


def kommuner():
    """A hand-typed sheet: merged title A1:F1, an empty row 2, header in row 3, codes as text,
    dates as date cells, shares as percent cells, a Summa row with a cached formula, footnotes.
    A second sheet of sources and a hidden third sheet."""
    st = Strings()
    s = Sheet(st)
    s.cell(0, 1, "s", "Kostnadsfördelning Yrkesresan 2024", 4)
    s.merges.append("A1:F1")
    s.row_values(3, ["Kommun", "Kommunkod", "Befolkning", "Andel", "Datum", "Uppdaterad"])
    data = [("Upplands Väsby", "0114", 47820, "0.25", "45328", "45328.354166666664"),
            ("Avesta", "2084", 22986, "0.125", "45329", "45329"),
            ("Borlänge", "2081", 52372, "0.3", "45330", "45330.5"),
            ("Falun", "2080", 59752, "0.325", "45331", "45331.999999")]
    for i, (name, code, pop, share, day, upd) in enumerate(data):
        r = 4 + i
        s.cell(0, r, "s", name)
        s.cell(1, r, "s", code, 5)
        s.cell(2, r, "n", str(pop))
        s.cell(3, r, "n", share, 3)
        s.cell(4, r, "n", day, 1)
        s.cell(5, r, "n", upd, 2)
    s.cell(0, 8, "s", "Summa")
    s.cell(2, 8, "f", ("SUM(C4:C7)", "182930", None))
    s.cell(3, 8, "f", ("SUM(D4:D7)", "1", None), 3)
    s.cell(0, 10, "s", "Källa: SCB, Befolkningsstatistik 2023-12-31")
    s.cell(0, 11, "s", "Fotnot: andelen avrundad")
    src = Sheet(st)
    src.row_values(1, ["Källor"])
    src.row_values(2, ["SCB", "https://www.scb.se"])
    hid = Sheet(st)
    hid.row_values(1, ["Hemlig", 1])
    return excel_book([("Kommuner", None, s.xml()), ("Källor", None, src.xml()),
                       ("Dolt", "hidden", hid.xml())], st)


def values():
    """One sheet of every value form, one per row (column A says what row it is)."""
    st = Strings()
    s = Sheet(st)
    rows = [
        # row 1: numbers as Excel writes them (17 significant digits when needed)
        [("n", "22986", 0), ("n", "0.1", 0), ("n", "-1.5", 0), ("n", "1234567.891", 0),
         ("n", "0.30000000000000004", 0), ("n", "1E-19", 0), ("n", "1E-18", 0),
         ("n", "1.5E-18", 0), ("n", "1E+300", 0), ("n", "123456789012345680", 0),
         ("n", "1E+18", 0), ("n", "-0", 0)],
        # row 2: date and time formats
        [("n", "45328", 1), ("n", "45328.5", 1), ("n", "45328.354166666664", 2), ("n", "0.75", 8),
         ("n", "1.25", 8), ("n", "45328", 10), ("n", "45328", 13), ("n", "1.5", 11),
         ("n", "59", 1), ("n", "61", 1)],
        # row 3: percent and general look-alikes
        [("n", "0.77", 3), ("n", "0.5", 6), ("n", "1250", 7), ("n", "12", 9), ("n", "1500", 12),
         ("n", "114", 5), ("n", "0.25", 0)],
        # row 4: strings: codes as text, a number as text, rich text, phonetic run, escapes
        [("s", "0114", 5), ("s", "22986", 0),
         ("rich", '<si><r><rPr><b/><sz val="11"/></rPr><t>Fal</t></r><r><t xml:space="preserve">'
          'un </t></r><r><rPr><i/></rPr><t>kommun</t></r></si>', 0),
         ("rich", '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>'
          '<phoneticPr fontId="1"/></si>', 0),
         ("s", "rad 1_x000D_\nrad 2", 0), ("s", "a_x005F_x0041_b", 0), ("s", "", 0),
         ("s", "  indrag", 0)],
        # row 5: booleans, errors, formulas with cached values, ISO date cells
        [("b", "1", 0), ("b", "0", 0), ("e", "#N/A", 0), ("f", ("1/0", "#DIV/0!", "e"), 0),
         ("f", ('"ab"&"c"', "abc", "str"), 0), ("f", ("A1*2", "45972", None), 0),
         ("d", "2024-02-06T00:00:00", 0), ("d", "2024-02-06T08:30:00", 0),
         ("f", ('""', "", "str"), 0), ("empty", None, 3)],
    ]
    for r, cells in enumerate(rows, 1):
        for c, (kind, v, style) in enumerate(cells):
            s.cell(c, r, kind, v, style)
    return excel_book([("Värden", None, s.xml())], st)


def date1904():
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Datum", "Deltagare"])
    s.cell(0, 2, "n", "43866", 1)  # 1904 system: 2024-02-06
    s.cell(1, 2, "n", "12")
    s.cell(0, 3, "n", "0", 1)  # 1904-01-01
    s.cell(1, 3, "n", "7")
    s.cell(0, 4, "n", "0.5", 8)  # a time: 12:00:00
    return excel_book([("Närvaro", None, s.xml())], st, date1904=True)


def pxweb_wide():
    """SCB's PxWeb "med rubrik" xlsx: a title, an empty row, the header, regions as
    'code name', one column per year, footnotes after an empty row."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Folkmängd efter region och år"])
    s.row_values(3, ["region", "2022", "2023"])
    rows = [("00 Riket", 10521556, 10551707), ("20 Dalarnas län", 288387, 287966),
            ("2080 Falun", 59552, 59752), ("2081 Borlänge", 52333, 52372),
            ("2084 Avesta", 23014, 22986)]
    for i, row in enumerate(rows):
        s.row_values(4 + i, list(row))
    s.row_values(10, ["Källa: SCB, Statistikdatabasen"])
    s.row_values(11, ["Fotnoter:"])
    s.row_values(12, ["Folkmängden avser den 31 december."])
    return excel_book([("Tabell", None, s.xml())], st)


def pxweb_long():
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Folkmängd efter region och år"])
    s.row_values(3, ["region", "år", "Folkmängd"])
    rows = [("2080 Falun", "2022", 59552), ("2080 Falun", "2023", 59752),
            ("2084 Avesta", "2022", 23014), ("2084 Avesta", "2023", 22986)]
    for i, row in enumerate(rows):
        s.row_values(4 + i, list(row))
    s.row_values(9, ["Källa: SCB, Statistikdatabasen"])
    return excel_book([("Tabell", None, s.xml())], st)


def libreoffice():
    """Inline strings and no sharedStrings part (as written by LibreOffice's and other
    streaming writers), rows and cells without r (position by order), an absolute target."""
    sheet = (DECL + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}"><sheetData>'
             '<row><c t="inlineStr"><is><t>Kommun</t></is></c><c t="inlineStr"><is><t>Deltagare'
             '</t></is></c><c t="inlineStr"><is><r><t>Sa</t></r><r><t>nt</t></r></is></c></row>'
             '<row><c t="inlineStr"><is><t>Falun</t></is></c><c><v>12</v></c>'
             '<c t="b"><v>1</v></c></row>'
             '<row r="5"><c r="A5" t="inlineStr"><is><t>Avesta</t></is></c><c r="C5"><v>3</v></c>'
             '</row><row><c t="inlineStr"><is><t>Mora</t></is></c></row>'
             '</sheetData></worksheet>')
    styles = (DECL + f'<styleSheet xmlns="{NS_MAIN}"><cellXfs count="1"><xf numFmtId="0"/>'
              '</cellXfs></styleSheet>')
    rels = (DECL + f'<Relationships xmlns="{NS_PKG}">'
            f'<Relationship Id="rId1" Type="{REL}worksheet" Target="/xl/worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}styles" Target="styles.xml"/>'
            '</Relationships>')
    return {
        "[Content_Types].xml": content_types(1, sst=False),
        "_rels/.rels": package_rels(),
        "xl/workbook.xml": workbook_xml([("Sheet1", None)]),
        "xl/_rels/workbook.xml.rels": rels,
        "xl/styles.xml": styles,
        "xl/worksheets/sheet1.xml": sheet,
    }


def formula_nocache():
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Kommun", "Befolkning"])
    s.row_values(2, ["Falun", 59752])
    s.cell(0, 7, "s", "Summa")
    s.cell(2, 7, "f", ("SUM(B2:B6)", None, None))
    return excel_book([("Blad1", None, s.xml())], st)


def simple(sheet_xml=None, cells="", extra=""):
    """A minimal Excel-like book whose one sheet is @sheet_xml (or has @cells)."""
    st = Strings()
    st.add("Kommun")
    if sheet_xml is None:
        sheet_xml = (DECL + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}"><sheetData>'
                     f'{cells}</sheetData>{extra}</worksheet>')
    return excel_book([("Blad1", None, sheet_xml)], st)


# ---------------------------------------------------------------- hostile workbooks


def bomb():
    """A sheet entry inflating more than 1000 times its compressed size (deflate's limit is
    about 1030: 20 MB of blanks)."""
    head = f'<worksheet xmlns="{NS_MAIN}"><sheetData>'
    parts = simple(DECL + head + " " * 20_000_000 + "</sheetData></worksheet>")
    data = write_zip(parts)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml")
    assert info.file_size > 1000 * info.compress_size, "bomb.xlsx is no zip bomb"
    return data


def laughs():
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">' for i in range(1, 10))
    return simple('<?xml version="1.0"?><!DOCTYPE worksheet [' + ents + ']>'
                  f'<worksheet xmlns="{NS_MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
                  '<is><t>&lol9;</t></is></c></row></sheetData></worksheet>')


def xxe():
    parts = simple()
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<sst xmlns="{NS_MAIN}"><si><t>&x;</t></si></sst>')
    return parts


def deep():
    return simple(DECL + f'<worksheet xmlns="{NS_MAIN}"><sheetData>' + "<a>" * 100000 +
                  "</a>" * 100000 + "</sheetData></worksheet>")


def patch_entry(data, name, **fields):
    """Rewrite fields of one entry's local header and central directory record:
    flags, method, crc, csize, usize."""
    data = bytearray(data)
    nb = name.encode()
    # local header: sig, ver, flags, method, time, date, crc, csize, usize, nlen, xlen
    loc = {"flags": 6, "method": 8, "crc": 14, "csize": 18, "usize": 22}
    cen = {"flags": 8, "method": 10, "crc": 16, "csize": 20, "usize": 24}
    i = 0
    while True:
        i = data.find(b"PK\x03\x04", i)
        if i < 0:
            break
        nlen = struct.unpack_from("<H", data, i + 26)[0]
        if bytes(data[i + 30:i + 30 + nlen]) == nb:
            for k, v in fields.items():
                fmt = "<H" if k in ("flags", "method") else "<I"
                struct.pack_into(fmt, data, i + loc[k], v)
        i += 4
    i = 0
    while True:
        i = data.find(b"PK\x01\x02", i)
        if i < 0:
            break
        nlen = struct.unpack_from("<H", data, i + 28)[0]
        if bytes(data[i + 46:i + 46 + nlen]) == nb:
            for k, v in fields.items():
                fmt = "<H" if k in ("flags", "method") else "<I"
                struct.pack_into(fmt, data, i + cen[k], v)
        i += 4
    return bytes(data)


def sheet_rows(n):
    return "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, n + 1))


def size_lies_small():
    data = write_zip(simple(cells=sheet_rows(2000)))
    return patch_entry(data, "xl/worksheets/sheet1.xml", usize=100)


def size_lies_large():
    data = write_zip(simple(cells=sheet_rows(10)))
    return patch_entry(data, "xl/worksheets/sheet1.xml", usize=0xFFFFFFF0)


def crc_wrong():
    data = write_zip(simple(cells=sheet_rows(10)))
    return patch_entry(data, "xl/worksheets/sheet1.xml", crc=0x12345678)


def encrypted():
    data = write_zip(simple(cells=sheet_rows(10)))
    return patch_entry(data, "xl/worksheets/sheet1.xml", flags=1)


def cols16385():
    return simple(cells='<row r="1"><c r="XFD1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>')


def latin1():
    parts = simple()
    parts["xl/sharedStrings.xml"] = (DECL + f'<sst xmlns="{NS_MAIN}"><si><t>').encode() + \
        "Borlänge".encode("latin-1") + b"</t></si></sst>"
    return parts


def declared_latin1():
    parts = simple()
    parts["xl/sharedStrings.xml"] = ('<?xml version="1.0" encoding="ISO-8859-1"?>'
                                     f'<sst xmlns="{NS_MAIN}"><si><t>').encode("latin-1") + \
        "Borlänge".encode("latin-1") + b"</t></si></sst>"
    return parts


def utf16():
    parts = simple()
    parts["xl/sharedStrings.xml"] = ('<?xml version="1.0" encoding="UTF-16"?>'
                                     f'<sst xmlns="{NS_MAIN}"><si><t>Falun</t></si></sst>'
                                     ).encode("utf-16")
    return parts


def no_workbook():
    return {"[Content_Types].xml": content_types(1), "docProps/app.xml": app_xml()}


def no_rels():
    parts = simple()
    del parts["xl/_rels/workbook.xml.rels"]
    return parts


def bad_xml():
    return simple(DECL + f'<worksheet xmlns="{NS_MAIN}"><sheetData><row r="1"><c r="A1"><v>1'
                  '</c></row></sheetData></worksheet>')


def long_tag():
    return simple(cells='<row r="1"><c r="A1" x="' + "y" * (2 << 20) + '"><v>1</v></c></row>')


def serial60():
    return simple(cells='<row r="1"><c r="A1"><v>1</v></c></row>'
                  '<row r="7"><c r="C7" s="1"><v>60</v></c></row>')


def overlap():
    return simple(cells='<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
                  '<row r="2"><c r="D2"><v>1</v></c></row>',
                  extra='<mergeCells count="2"><mergeCell ref="A1:C2"/><mergeCell ref="B2:D2"/>'
                  '</mergeCells>')


def sst_range():
    return simple(cells='<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>5</v></c>'
                  '</row>')


def dup_cell():
    return simple(cells='<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>')


def rows_backwards():
    return simple(cells='<row r="5"><c r="A5"><v>1</v></c></row>'
                  '<row r="3"><c r="A3"><v>2</v></c></row>')


def merged_huge():
    """A merged range over the whole sheet: clipped to the cells in use."""
    return simple(cells='<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
                  '<row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c></row>',
                  extra='<mergeCells count="1"><mergeCell ref="A1:XFD1"/></mergeCells>')


def merged_empty_top_left():
    """Values under a merged range whose top-left cell is empty are not shown by Excel; A2:A3
    reaches past the last row with a value (row 3 is written, but empty)."""
    return simple(cells='<row r="1"><c r="B1"><v>5</v></c><c r="C1"><v>6</v></c></row>'
                  '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c>'
                  '</row><row r="3"><c r="A3" s="1"/></row><row r="4"/>',
                  extra='<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A2:A3"/>'
                  '</mergeCells>')


def bzip2():
    return write_zip(simple(cells=sheet_rows(3)), zipfile.ZIP_BZIP2)


def stored():
    return write_zip(simple(cells=sheet_rows(3)), zipfile.ZIP_STORED)


def moved_workbook():
    """_rels/.rels names the workbook elsewhere; a relationship target with '..'."""
    parts = simple(cells=sheet_rows(2))
    wb = parts.pop("xl/workbook.xml")
    parts.pop("xl/_rels/workbook.xml.rels")
    parts["_rels/.rels"] = package_rels("book/main.xml")
    parts["book/main.xml"] = wb
    parts["book/_rels/main.xml.rels"] = (
        DECL + f'<Relationships xmlns="{NS_PKG}">'
        f'<Relationship Id="rId1" Type="{REL}worksheet" Target="../xl/./worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}styles" Target="/xl/styles.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}sharedStrings" Target="../xl/sharedStrings.xml"/>'
        '</Relationships>')
    return parts


def escape_root():
    parts = simple(cells=sheet_rows(2))
    parts["xl/_rels/workbook.xml.rels"] = (
        DECL + f'<Relationships xmlns="{NS_PKG}">'
        f'<Relationship Id="rId1" Type="{REL}worksheet" Target="../../../etc/passwd"/>'
        '</Relationships>')
    return parts


def many_rows():
    """3000 rows (about 200 KB of XML: parsed in growing chunks) and, in row 2, a 900 KB
    attribute (under the 1 MiB tag limit) that crosses chunk boundaries."""
    rows = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" x="' + "y" * 900_000 +
            '"><v>0.5</v></c></row>']
    rows += [f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"><v>{r}.25</v></c>'
             f'<c r="C{r}" t="inlineStr"><is><t>rad {r}</t></is></c></row>' for r in range(2, 3001)]
    return simple(cells="".join(rows))


def empty_si():
    """The first shared string is empty (<t/>): the table holds no text before the second."""
    parts = simple(cells='<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
                   '</row>')
    parts["xl/sharedStrings.xml"] = (DECL + f'<sst xmlns="{NS_MAIN}" count="2" uniqueCount="2">'
                                     '<si><t/></si><si><t>Falun</t></si></sst>')
    return parts


def message_text():
    """Workbook text in a message: a sheet name with a line break, a non-number whose 40 bytes
    end inside a character."""
    parts = simple(cells='<row r="1"><c r="A1"><v>x' + "å" * 30 + '</v></c></row>')
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace('name="Blad1"',
                                                                'name="Blad&#10;1"')
    return parts


def chartsheet():
    """A chart sheet first (a sheet without cells), then a worksheet."""
    parts = simple(cells=sheet_rows(2))
    parts["xl/workbook.xml"] = workbook_xml([("Diagram1", None), ("Blad1", None)])
    parts["xl/_rels/workbook.xml.rels"] = (
        DECL + f'<Relationships xmlns="{NS_PKG}">'
        f'<Relationship Id="rId1" Type="{REL}chartsheet" Target="chartsheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}styles" Target="styles.xml"/>'
        f'<Relationship Id="rId4" Type="{REL}sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>')
    parts["xl/chartsheets/sheet1.xml"] = (
        DECL + f'<chartsheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}"><sheetPr/><sheetViews>'
        '<sheetView zoomScale="120" workbookViewId="0" zoomToFit="1"/></sheetViews>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        '<drawing r:id="rId1"/></chartsheet>')
    return parts


def dup_sheets():
    parts = simple(cells=sheet_rows(1))
    parts["xl/workbook.xml"] = workbook_xml([("Blad1", None), ("Blad2", None), ("Blad1", None)])
    return parts


def dup_rels():
    parts = simple(cells=sheet_rows(1))
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        'Id="rId3"', 'Id="rId1"')
    return parts


def bad_style():
    return simple(cells='<row r="1"><c r="A1" s="99"><v>1</v></c></row>')


def openpyxl_book(path):
    """Written by openpyxl; an empty file where openpyxl is not installed (the test skips)."""
    import datetime
    try:
        import openpyxl
    except ImportError:
        open(path, "wb").close()
        return
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws["A1"] = "Närvaro vid kursdagar"
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["Kommun", "Kommunkod", "Datum", "Andel"])
    rows = [("Falun", "2080", datetime.datetime(2024, 2, 6), 0.77),
            ("Avesta", "2084", datetime.datetime(2024, 2, 7, 8, 30), 0.5)]
    for r in rows:
        ws.append(list(r))
    for r in (4, 5):
        ws.cell(r, 4).number_format = "0%"
        ws.cell(r, 3).number_format = "yyyy-mm-dd"
    ws2 = wb.create_sheet("Blad2")
    ws2["A1"] = 1.5
    ws2["B1"] = True
    wb.save(path)


FIXTURES = {
    "kommuner.xlsx": kommuner,
    "values.xlsx": values,
    "date1904.xlsx": date1904,
    "pxweb_wide.xlsx": pxweb_wide,
    "pxweb_long.xlsx": pxweb_long,
    "libreoffice.xlsx": libreoffice,
    "formula_nocache.xlsx": formula_nocache,
    "stored.xlsx": stored,
    "moved_workbook.xlsx": moved_workbook,
    "merged_huge.xlsx": merged_huge,
    "merged_empty.xlsx": merged_empty_top_left,
    "bomb.xlsx": bomb,
    "size_lies_small.xlsx": size_lies_small,
    "size_lies_large.xlsx": size_lies_large,
    "crc.xlsx": crc_wrong,
    "encrypted.xlsx": encrypted,
    "bzip2.xlsx": bzip2,
    "laughs.xlsx": laughs,
    "xxe.xlsx": xxe,
    "deep.xlsx": deep,
    "cols16385.xlsx": cols16385,
    "latin1.xlsx": latin1,
    "declared_latin1.xlsx": declared_latin1,
    "utf16.xlsx": utf16,
    "no_workbook.xlsx": no_workbook,
    "no_rels.xlsx": no_rels,
    "bad_xml.xlsx": bad_xml,
    "long_tag.xlsx": long_tag,
    "serial60.xlsx": serial60,
    "overlap.xlsx": overlap,
    "sst_range.xlsx": sst_range,
    "dup_cell.xlsx": dup_cell,
    "rows_backwards.xlsx": rows_backwards,
    "escape_root.xlsx": escape_root,
    "bad_style.xlsx": bad_style,
    "many_rows.xlsx": many_rows,
    "empty_si.xlsx": empty_si,
    "message_text.xlsx": message_text,
    "chartsheet.xlsx": chartsheet,
    "dup_sheets.xlsx": dup_sheets,
    "dup_rels.xlsx": dup_rels,
    "truncated.xlsx": None,
    "openpyxl.xlsx": None,
}


# ------------------------------------------ the reading corpus's workbooks (tests/reading)

DALARNA = [(2021, "Vansbro", 6727), (2023, "Malung-Sälen", 10091), (2026, "Gagnef", 10184),
           (2029, "Leksand", 15939), (2031, "Rättvik", 10777), (2034, "Orsa", 6905),
           (2039, "Älvdalen", 6971), (2061, "Smedjebacken", 10694), (2062, "Mora", 20418),
           (2080, "Falun", 59556), (2081, "Borlänge", 52415), (2082, "Säter", 11062),
           (2083, "Hedemora", 15251), (2084, "Avesta", 22986), (2085, "Ludvika", 25683)]


def r_pxweb_wide():
    """PxWeb "med rubrik" as xlsx: title, empty row, header of text years, 15 regions, an empty
    row and the source."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Folkmängd efter region och år"])
    s.row_values(3, ["region", "2021", "2022", "2023"])
    for i, (code, name, pop) in enumerate(DALARNA):
        s.row_values(4 + i, [f"{code} {name}", pop - 100, pop - 50, pop])
    s.row_values(20, ["Källa: SCB, Statistikdatabasen"])
    return excel_book([("Tabell", None, s.xml())], st)


def r_pxweb_long():
    """A long export med rubrik: 5 municipalities x 3 years, the years as numbers."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Folkmängd efter region och år"])
    s.row_values(3, ["region", "år", "Folkmängd"])
    r = 4
    for code, name, pop in DALARNA[:5]:
        for k, year in enumerate((2021, 2022, 2023)):
            s.row_values(r, [f"{code} {name}", year, pop - 40 * (2 - k)])
            r += 1
    return excel_book([("Tabell", None, s.xml())], st)


def dalarna_table(s, top, code_style=5):
    """Kommunkod (text) | Kommun | Befolkning from row @top."""
    s.row_values(top, ["Kommunkod", "Kommun", "Befolkning"])
    for i, (code, name, pop) in enumerate(DALARNA):
        s.cell(0, top + 1 + i, "s", str(code), code_style)
        s.cell(1, top + 1 + i, "s", name)
        s.cell(2, top + 1 + i, "n", str(pop))


def r_merged_title():
    """Hand-typed: a bold title merged over A1:C1, the table from row 3, a Summa row with a
    cached SUM, an empty row and the source."""
    st = Strings()
    s = Sheet(st)
    s.cell(0, 1, "s", "Befolkning i Dalarnas kommuner", 4)
    s.merges.append("A1:C1")
    dalarna_table(s, 3)
    s.cell(1, 19, "s", "Summa")
    s.cell(2, 19, "f", ("SUM(C4:C18)", "285659", None))
    s.row_values(21, ["Källa: SCB, folkmängd 31 december 2023"])
    return excel_book([("Blad1", None, s.xml())], st)


def r_merged_title_role():
    """A merged title that names a role ('Befolkning 2023' in A1 and B1): still a title."""
    st = Strings()
    s = Sheet(st)
    s.cell(0, 1, "s", "Befolkning 2023", 4)
    s.merges.append("A1:B1")
    s.row_values(3, ["Kommun", "Invånare"])
    for i, (_, name, pop) in enumerate(DALARNA):
        s.row_values(4 + i, [name, pop])
    return excel_book([("Blad1", None, s.xml())], st)


def r_date_cells():
    """Course days as date cells: format 14, and "yyyy-mm-dd hh:mm" at midnight."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Datum", "Kurs", "Deltagare"])
    for i, (serial, style, course, n) in enumerate([(45328, 1, "Grundkurs", 12),
                                                    (45329, 1, "Grundkurs", 11),
                                                    (45363, 2, "Fortsättning", 9)]):
        s.cell(0, 2 + i, "n", str(serial), style)
        s.cell(1, 2 + i, "s", course)
        s.cell(2, 2 + i, "n", str(n))
    return excel_book([("Kursdagar", None, s.xml())], st)


def r_date1904_serial():
    """A Mac workbook (date1904) whose days are serials in General format, as a date column is
    after "Clear formats", beside one date cell (format 14): all in the 1904 system."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Datum", "Kommun", "Antal deltagare"])
    for i, (serial, style, mun, n) in enumerate([(43866, 0, "Falun", 10), (43866, 0, "Mora", 5),
                                                 (43867, 1, "Falun", 7), (43901, 0, "Mora", 4)]):
        s.cell(0, 2 + i, "n", str(serial), style)
        s.cell(1, 2 + i, "s", mun)
        s.cell(2, 2 + i, "n", str(n))
    return excel_book([("Närvaro", None, s.xml())], st, date1904=True)


def r_date_time_of_day():
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Datum", "Deltagare"])
    s.cell(0, 2, "n", "45328.354166666664", 2)
    s.cell(1, 2, "n", "12")
    return excel_book([("Kursdagar", None, s.xml())], st)


def r_percent_shares():
    """'Andel ja' as percent-formatted cells (0.77 shown as 77 %)."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Fråga", "Andel ja", "Svarande"])
    for i, (q, share, n) in enumerate([("Nöjd med kursen", "0.77", 22),
                                       ("Rekommenderar kursen", "0.5", 22)]):
        s.cell(0, 2 + i, "s", q)
        s.cell(1, 2 + i, "n", share, 6)
        s.cell(2, 2 + i, "n", str(n))
    return excel_book([("Enkät", None, s.xml())], st)


def r_percent_target():
    """'Mål' says neither share nor percent; its cells' "0.0%" format says percent."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Kurs", "Mål"])
    for i, (course, target) in enumerate([("Grundkurs", "0.8"), ("Fortsättning", "0.75")]):
        s.cell(0, 2 + i, "s", course)
        s.cell(1, 2 + i, "n", target, 3)
    return excel_book([("Mål", None, s.xml())], st)


# Formats that change what a number shows (the reading corpus's adv4 and xlsx-shown cases):
# cellXfs 14.. after the 14 of styles_xml(), numFmtId 170..
SHOWN_FORMATS = [(170, "#,##0,"), (171, '0,, "Mkr"'), (172, '#,##0 "tkr"'),
                 (173, '#,##0\\ "kr"'), (174, '0"%"'), (175, '0 "tusen kr"'),
                 (176, '#,##0\\ [$€-x-euro2]')]


def shown_style(code):
    """The cellXfs index of SHOWN_FORMATS' format @p code."""
    return len(XF_NUMFMT) + [c for _, c in SHOWN_FORMATS].index(code)


def shown_styles():
    return styles_xml(CUSTOM_FORMATS + SHOWN_FORMATS,
                      XF_NUMFMT + [i for i, _ in SHOWN_FORMATS])


# adversarial pass 4's four municipalities (X07, X08): populations, kronor, tkr.
ADV4 = [("Falun", 59000, 319427, 290), ("Borlänge", 52000, 281529, 256),
        ("Mora", 20000, 108280, 98), ("Ludvika", 26000, 140764, 128)]


def adv4_book(amount_header, code, column, sheet="Fördelning", pop_code=None):
    """Kommun, Folkmängd and an amount column (column 2: kronor, 3: tkr) in format @p code;
    @p pop_code: the population's format too."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Kommun", "Folkmängd", amount_header])
    for i, row in enumerate(ADV4):
        s.cell(0, 2 + i, "s", row[0])
        s.cell(1, 2 + i, "n", str(row[1]), shown_style(pop_code) if pop_code else 0)
        s.cell(2, 2 + i, "n", str(row[column]), shown_style(code) if code else 0)
    return excel_book([(sheet, None, s.xml())], st, styles=shown_styles())


def r_scaled_tkr():
    """X08: kronor shown in tkr by '#,##0,' under 'Belopp (tkr)'."""
    return adv4_book("Belopp (tkr)", "#,##0,", 2)


def r_scaled_mkr_literal():
    """Kronor shown in Mkr by '0,, "Mkr"' under 'Kostnad'."""
    return adv4_book("Kostnad", '0,, "Mkr"', 2)


def r_scaled_population():
    """A population shown in thousands by '#,##0,' (59000 as 59)."""
    return adv4_book("Belopp", None, 2, pop_code="#,##0,")


def r_scaled_unread():
    """X08's scaled amounts in a column the caller does not read."""
    return adv4_book("Belopp (tkr)", "#,##0,", 2)


def r_literal_tkr():
    """X07: 290 shown as '290 tkr' by '#,##0 "tkr"' under 'Belopp'."""
    return adv4_book("Belopp", '#,##0 "tkr"', 3)


def r_literal_kr_under_tkr():
    """Kronor shown with 'kr' by '#,##0\\ "kr"' under 'Belopp (tkr)'."""
    return adv4_book("Belopp (tkr)", '#,##0\\ "kr"', 2)


def r_literal_tusen():
    """290 shown as '290 tusen kr' by '0 "tusen kr"': a scale the grammar has no unit for."""
    return adv4_book("Belopp", '0 "tusen kr"', 3)


def r_literal_euro():
    """290 shown as '290 €' by '#,##0\\ [$€-x-euro2]' (Excel's euro format) under 'Belopp'."""
    return adv4_book("Belopp", '#,##0\\ [$€-x-euro2]', 3)


def survey_book(header, rows):
    """Fråga, @p header, Svarande: rows (question, value, style)."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Fråga", header, "Svarande"])
    for i, (q, v, style) in enumerate(rows):
        s.cell(0, 2 + i, "s", q)
        s.cell(1, 2 + i, "n", v, style)
        s.cell(2, 2 + i, "n", "22")
    return excel_book([("Enkät", None, s.xml())], st, styles=shown_styles())


def r_literal_percent():
    """'Andel ja' with 77 and 50 shown as '77%' and '50%' by '0"%"' (the % in quotes)."""
    return survey_book("Andel ja", [("Nöjd med kursen", "77", shown_style('0"%"')),
                                    ("Rekommenderar kursen", "50", shown_style('0"%"'))])


def r_percent_in_percent_column():
    """'Andel ja (%)' (a percent column) with 0.77 and 0.5 shown as 77 % and 50 % by "0%"."""
    return survey_book("Andel ja (%)", [("Nöjd med kursen", "0.77", 6),
                                        ("Rekommenderar kursen", "0.5", 6)])


def r_percent_weight():
    """A weight column whose cells 0.5, 0.3, 0.2 are shown as 50 %, 30 %, 20 % by "0%"."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Kommun", "Vikt"])
    for i, (name, w) in enumerate([("Falun", "0.5"), ("Borlänge", "0.3"), ("Mora", "0.2")]):
        s.cell(0, 2 + i, "s", name)
        s.cell(1, 2 + i, "n", w, 6)
    return excel_book([("Vikter", None, s.xml())], st, styles=shown_styles())
def r_unread_bool():
    """A population sheet with a participation column of booleans nobody reads (adversarial
    pass 5, D3): Rättvik and Orsa FALSE."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Kommun", "Folkmängd", "Med i Yrkesresan"])
    for i, (name, pop, member) in enumerate([("Vansbro", 6807, "1"), ("Leksand", 15804, "1"),
                                             ("Rättvik", 10907, "0"), ("Orsa", 6892, "0"),
                                             ("Mora", 20310, "1")]):
        s.cell(0, 2 + i, "s", name)
        s.cell(1, 2 + i, "n", str(pop))
        s.cell(2, 2 + i, "b", member)
    return excel_book([("Befolkning", None, s.xml())], st)


def r_unread_rate():
    """Courses with a share nobody reads, its cells in a "0.0%" format (adversarial pass 5,
    SA1b, where the header was 'Närvaroandel': that is now an alias of the published rate, so
    the case keeps a share no role names, 'Andel genomförda')."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Kurs", "Anmälda", "Deltagit", "Andel genomförda"])
    for i, (course, reg, att, rate) in enumerate([("Steg 1", 48, 41, "0.954"),
                                                  ("Steg 2", 36, 29, "0.806")]):
        s.cell(0, 2 + i, "s", course)
        s.cell(1, 2 + i, "n", str(reg))
        s.cell(2, 2 + i, "n", str(att))
        s.cell(3, 2 + i, "n", rate, 3)
    return excel_book([("Kurser", None, s.xml())], st)


STOCKHOLM = [("0114", "Upplands Väsby", 48520), ("0115", "Vallentuna", 34480),
             ("0117", "Österåker", 48410), ("0120", "Värmdö", 47760), ("0123", "Järfälla", 84960)]


def r_codes_as_text():
    """Codes with a leading zero typed as text ('@'): they stay 0114, never the number 114."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Kommunkod", "Kommun", "Befolkning"])
    for i, (code, name, pop) in enumerate(STOCKHOLM):
        s.cell(0, 2 + i, "s", code, 5)
        s.cell(1, 2 + i, "s", name)
        s.cell(2, 2 + i, "n", str(pop))
    return excel_book([("Blad1", None, s.xml())], st)


def r_formula_without_value():
    """Written by a program that leaves formulas for Excel to compute: refused at the cell."""
    st = Strings()
    s = Sheet(st)
    s.row_values(1, ["Kommun", "Befolkning"])
    for i, (_, name, pop) in enumerate(DALARNA[:4]):
        s.row_values(2 + i, [name, pop])
    s.cell(0, 6, "s", "Summa")
    s.cell(1, 6, "f", ("SUM(B2:B5)", None, None))
    return excel_book([("Blad1", None, s.xml())], st)


def r_hidden_sheet():
    """A hidden first sheet with a table of its own; the visible second sheet is the one read."""
    st = Strings()
    hid = Sheet(st)
    hid.row_values(1, ["Kommun", "Befolkning"])
    hid.row_values(2, ["Falun", 1])
    s = Sheet(st)
    s.row_values(1, ["Kommun", "Befolkning"])
    for i, (_, name, pop) in enumerate(DALARNA[:3]):
        s.row_values(2 + i, [name, pop])
    return excel_book([("Beräkning", "hidden", hid.xml()), ("Tabell", None, s.xml())], st)


def r_second_sheet():
    """sheet: 2 chooses the second sheet although the first has a table too."""
    st = Strings()
    first = Sheet(st)
    first.row_values(1, ["Kommun", "Befolkning"])
    first.row_values(2, ["Falun", 59000])
    s = Sheet(st)
    s.row_values(1, ["Kommun", "Befolkning"])
    for i, (_, name, pop) in enumerate(DALARNA[-3:]):
        s.row_values(2 + i, [name, pop])
    return excel_book([("2022", None, first.xml()), ("2023", None, s.xml())], st)


def struck_book(struck, top=1, extra=None, plain=0):
    """Kommun | Befolkning, the first seven of Dalarna from row top + 1; the cells (col, row) in
    struck are struck through (Excel's Home > Strikethrough, a finance officer's 'utgår'), the
    others in style plain; extra(sheet) adds lines."""
    st = Strings()
    s = Sheet(st)
    s.row_values(top, ["Kommun", "Befolkning"])
    for i, (_, name, pop) in enumerate(DALARNA[:7]):
        row = top + 1 + i
        s.cell(0, row, "s", name, XF_STRUCK if (0, row) in struck else plain)
        s.cell(1, row, "n", str(pop), XF_STRUCK if (1, row) in struck else plain)
    if extra is not None:
        extra(s)
    return excel_book([("Kommuner", None, s.xml())], st, styles=styles_xml(strike=True))


def r_struck_row():
    """Orsa's row (row 7) struck through, name and number (adversarial pass 6, G2)."""
    return struck_book({(0, 7), (1, 7)})


def r_struck_name():
    """Only Rättvik's name (A6) struck through: the row is struck, its number plain."""
    return struck_book({(0, 6)})


def r_struck_figure():
    """Only Leksand's population (B5) struck through: a figure withdrawn (or the row)."""
    return struck_book({(1, 5)})


def r_struck_title_note():
    """Struck text outside the rows: a title (A1), a note below the table (A12), a cell of a
    column nobody reads (C5); the rows and C4, C6 in font 3, whose strike val="0" is not struck
    through."""
    def extra(s):
        s.cell(0, 1, "s", "Befolkning 2022", XF_STRUCK)
        s.cell(2, 3, "s", "Kontakt")
        for row, who in ((4, "Anna"), (5, "Bo"), (6, "Cilla")):
            s.cell(2, row, "s", who, XF_STRUCK if row == 5 else XF_UNSTRUCK)
        s.cell(0, 12, "s", "Källa: SCB, folkmängd 31 december 2022", XF_STRUCK)
    return struck_book(set(), top=3, extra=extra, plain=XF_UNSTRUCK)


READING = {
    "xlsx-pxweb-med-rubrik-wide.xlsx": r_pxweb_wide,
    "xlsx-pxweb-long-year.xlsx": r_pxweb_long,
    "xlsx-merged-title.xlsx": r_merged_title,
    "xlsx-merged-title-names-a-role.xlsx": r_merged_title_role,
    "xlsx-date-cells.xlsx": r_date_cells,
    "xlsx-date-time-of-day.xlsx": r_date_time_of_day,
    "xlsx-date1904-serial-days.xlsx": r_date1904_serial,
    "xlsx-percent-shares.xlsx": r_percent_shares,
    "xlsx-percent-target.xlsx": r_percent_target,
    "xlsx-codes-as-text.xlsx": r_codes_as_text,
    "xlsx-formula-without-value.xlsx": r_formula_without_value,
    "xlsx-hidden-sheet.xlsx": r_hidden_sheet,
    "xlsx-second-sheet.xlsx": r_second_sheet,
    "adv4-xlsx-scaled-tkr.xlsx": r_scaled_tkr,
    "xlsx-scaled-mkr-literal.xlsx": r_scaled_mkr_literal,
    "xlsx-scaled-population.xlsx": r_scaled_population,
    "xlsx-scaled-unread.xlsx": r_scaled_unread,
    "adv4-xlsx-literal-tkr.xlsx": r_literal_tkr,
    "xlsx-literal-kr-under-tkr.xlsx": r_literal_kr_under_tkr,
    "xlsx-literal-tusen.xlsx": r_literal_tusen,
    "xlsx-literal-euro.xlsx": r_literal_euro,
    "xlsx-literal-percent.xlsx": r_literal_percent,
    "xlsx-percent-in-percent-column.xlsx": r_percent_in_percent_column,
    "xlsx-percent-weight.xlsx": r_percent_weight,
    "xlsx-unread-bool.xlsx": r_unread_bool,
    "xlsx-unread-rate.xlsx": r_unread_rate,
    "xlsx-struck-row.xlsx": r_struck_row,
    "xlsx-struck-name.xlsx": r_struck_name,
    "xlsx-struck-figure.xlsx": r_struck_figure,
    "xlsx-struck-title-note.xlsx": r_struck_title_note,
}


def reading(out, check):
    """Write the corpus's workbooks, or (check) compare them with the committed ones."""
    bad = 0
    for name, make in READING.items():
        data = write_zip(make())
        path = f"{out}/{name}"
        if check:
            try:
                with open(path, "rb") as f:
                    same = f.read() == data
            except OSError:
                same = False
            if not same:
                print(f"{path}: not what make_xlsx.py --reading writes")
                bad += 1
        else:
            with open(path, "wb") as f:
                f.write(data)
    return bad


# The order of fuzz_xlsx.c's parts.
SEED_PARTS = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
              "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels",
              "xl/worksheets/sheet2.xml"]
SLOW = {"bomb.xlsx", "long_tag.xlsx", "many_rows.xlsx", "truncated.xlsx", "openpyxl.xlsx"}


def seeds(out):
    import os
    os.makedirs(out, exist_ok=True)
    for name, make in FIXTURES.items():
        if make is None or name in SLOW:
            continue
        made = make()
        data = made if isinstance(made, bytes) else write_zip(made)
        with open(f"{out}/{name}", "wb") as f:
            f.write(b"\0" + data)
        if isinstance(made, dict) and "xl/worksheets/sheet1.xml" in made:
            parts = [made.get(p, "") for p in SEED_PARTS]
            blob = b"\n@@\n".join(p.encode() if isinstance(p, str) else p for p in parts)
            if len(blob) > 60000:  # fuzz/run.sh's -max_len for xlsx is 65536
                continue
            with open(f"{out}/parts-{name}", "wb") as f:
                f.write(b"\1" + blob)


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(FIXTURES))
        return
    if sys.argv[1:2] == ["--seeds"]:
        seeds(sys.argv[2])
        return
    if sys.argv[1:2] in (["--reading"], ["--check-reading"]):
        sys.exit(1 if reading(sys.argv[2], sys.argv[1] == "--check-reading") else 0)
    out = sys.argv[1]
    for name, make in FIXTURES.items():
        if make is None:
            continue
        made = make()
        data = made if isinstance(made, bytes) else write_zip(made)
        with open(f"{out}/{name}", "wb") as f:
            f.write(data)
    with open(f"{out}/kommuner.xlsx", "rb") as f:
        whole = f.read()
    with open(f"{out}/truncated.xlsx", "wb") as f:
        f.write(whole[:len(whole) * 2 // 3])
    openpyxl_book(f"{out}/openpyxl.xlsx")


if __name__ == "__main__":
    main()
